import { describe, expect, it } from 'vitest';
import { findPrNumbers } from '../../src/releases/core/gather/find-pr-numbers';
import type { RangeCommit } from '../../src/releases/types';
import { loadReleaseFixture, rangeCommitsOf } from './load-release-fixture';

const commit = (sha: string, parents: string[], message: string): RangeCommit => ({ sha, parents, message });

describe('findPrNumbers', () => {
  // base ← a (side branch of #10) ; base ← m (merge #10) ← s (squash #11) ← r (rebase-merged) ← t (tag)
  const commits: RangeCommit[] = [
    commit('a', ['base'], 'Fix the thing (#3)\n\nfrom a fork-internal squash'),
    commit('m', ['base', 'a'], 'Merge pull request #10 from alice/fix-thing\n\nFix the thing'),
    commit('s', ['m'], 'Add docs (#11)\n\nCo-authored-by: Bob <bob@example.com>'),
    commit('r', ['s'], 'Refactor without a PR number'),
    commit('t', ['r'], 'Release v1.2.0 (not a PR, no number)'),
  ];

  it('reads merge-commit and squash subjects', () => {
    const found = findPrNumbers(commits);
    expect(found.matches).toEqual([
      { sha: 'm', number: 10, via: 'merge' },
      { sha: 's', number: 11, via: 'squash' },
    ]);
    expect(found.numbers).toEqual([10, 11]);
  });

  it('leaves first-parent commits without a number for the commit-to-PR lookup, but not side-branch commits', () => {
    expect(findPrNumbers(commits).leftoverShas).toEqual(['r', 't']);
  });

  it('ignores a merge subject on a commit with a single parent', () => {
    const found = findPrNumbers([commit('x', ['base'], 'Merge pull request #5 from bob/branch')]);
    expect(found.numbers).toEqual([]);
    expect(found.leftoverShas).toEqual(['x']);
  });

  it('finds every PR of kind v0.30.0…v0.31.0 (merge commits only) and leaves only the version commit', () => {
    const found = findPrNumbers(rangeCommitsOf(loadReleaseFixture('kubernetes-sigs__kind__v0.30.0__v0.31.0.json')));
    expect(found.numbers.length).toBe(31);
    expect(found.numbers).toEqual(expect.arrayContaining([3998, 4002, 4011, 4022, 4043, 4073, 4077, 3965]));
    expect(found.matches.every((m) => m.via === 'merge')).toBe(true);
    // "version v0.31.0", the tag commit itself
    expect(found.leftoverShas).toEqual(['a323333ff9efd8099f95a8a6b5c86c75a210d00f']);
  });

  it('finds the squash merges of external-dns v0.14.1…v0.14.2 next to its merge commits', () => {
    const found = findPrNumbers(rangeCommitsOf(loadReleaseFixture('kubernetes-sigs__external-dns__v0.14.1__v0.14.2.json')));
    expect(found.numbers.length).toBe(50);
    expect(found.matches.filter((m) => m.via === 'squash').map((m) => m.number)).toEqual([4322, 4365, 4406, 4432]);
    expect(found.matches.find((m) => m.number === 4322)?.sha).toBe('f5545b1e164776958fbb85ed055ae418fb0f24dc');
    expect(found.leftoverShas).toEqual([]);
  });

  it('finds the nine squash merges of kustomize/v5.2.1…kustomize/v5.3.0', () => {
    const found = findPrNumbers(
      rangeCommitsOf(loadReleaseFixture('kubernetes-sigs__kustomize__kustomize_v5.2.1__kustomize_v5.3.0.json')),
    );
    expect(found.numbers.length).toBe(38);
    expect(found.matches.filter((m) => m.via === 'squash').map((m) => m.number)).toEqual([
      5412, 5368, 5381, 5082, 5426, 5391, 5211, 5383, 5464,
    ]);
    expect(found.leftoverShas).toEqual([]);
  });
});
