import { describe, expect, it } from 'vitest';
import { matchPods } from '../../src/pods/core/mentions/match-pods';
import { aPod } from './builders';

const docs = aPod({ name: 'docs', labels: ['area/docs'], paths: ['docs/**', '**/*.md'] });
const cli = aPod({ name: 'cli', labels: ['area/CLI'], paths: ['cmd/**', 'internal/cli/**'] });
const ci = aPod({ name: 'ci', labels: [], paths: ['.github/**'] });
const old = aPod({ name: 'old', labels: ['area/docs'], paths: ['**'], archived: true });
const pods = [docs, cli, ci, old];

function names(target: { labels: string[]; changedFiles: string[] }) {
  return matchPods(target, pods).map((pod) => pod.name);
}

describe('matchPods', () => {
  it('matches labels case-insensitively', () => {
    expect(names({ labels: ['Area/Docs', 'area/cli'], changedFiles: [] })).toEqual(['docs', 'cli']);
  });

  it('matches files under a folder glob', () => {
    expect(names({ labels: [], changedFiles: ['docs/guide/install.txt'] })).toEqual(['docs']);
  });

  it('matches markdown files anywhere with **/*.md', () => {
    expect(names({ labels: [], changedFiles: ['README.md'] })).toEqual(['docs']);
    expect(names({ labels: [], changedFiles: ['cmd/podctl/USAGE.md'] })).toEqual(['docs', 'cli']);
  });

  it('matches dotfiles and dot folders', () => {
    expect(names({ labels: [], changedFiles: ['.github/workflows/ci.yml'] })).toEqual(['ci']);
    expect(names({ labels: [], changedFiles: ['docs/.vitepress/config.ts'] })).toEqual(['docs']);
  });

  it('matches nothing for unrelated labels and files', () => {
    expect(names({ labels: ['bug'], changedFiles: ['src/server.ts'] })).toEqual([]);
  });

  it('never matches an archived pod', () => {
    expect(names({ labels: ['area/docs'], changedFiles: ['anything.txt'] })).toEqual(['docs']);
  });
});
