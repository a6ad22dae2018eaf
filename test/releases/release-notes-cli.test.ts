import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { openDatabase } from '../../src/db/open-database';
import { freshDatabase, onPostgres, type TestDatabase } from '../support/database';
import { FakeGitHub } from '../support/fake-github';
import { historyFromFixture, installRepoHistory, type RangeFixture } from '../support/github-history';
import { GITHUB_TOKEN } from '../support/test-app';
import { loadReleaseFixture } from './load-release-fixture';

const run = promisify(execFile);
const kind = loadReleaseFixture('kubernetes-sigs__kind__v0.30.0__v0.31.0.json') as unknown as RangeFixture;
const kustomize = loadReleaseFixture('kubernetes-sigs__kustomize__kustomize_v5.2.1__kustomize_v5.3.0.json') as unknown as RangeFixture;

describe('npm run release-notes', () => {
  let github: FakeGitHub;
  let db: TestDatabase | undefined;
  let env: Record<string, string>;
  let dataDir: string | undefined;

  beforeAll(async () => {
    github = await new FakeGitHub().start();
    const k = installRepoHistory(github, historyFromFixture(kind, { emailLogins: { 'antonio.ojea.garcia@gmail.com': 'aojea', 'suda.kyoto@gmail.com': 'AkihiroSuda' } }));
    k.addRelease({ tag_name: 'v0.30.0', published_at: '2025-08-27T18:00:00Z', created_at: '2025-08-27T18:00:00Z' });
    k.addRelease({ tag_name: 'v0.31.0', published_at: '2025-12-18T20:00:00Z', created_at: '2025-12-18T20:00:00Z', body: 'Human notes' });
    const z = installRepoHistory(github, historyFromFixture(kustomize, { emailLogins: { 'varshaprasad96@gmail.com': 'varshaprasad96' } }));
    // Each kustomize module is tagged and released on its own commit from the same run.
    z.addRelease({ tag_name: 'kustomize/v5.2.1', published_at: '2023-10-19T18:00:00Z', created_at: '2023-10-19T18:00:00Z' });
    z.addRelease({ tag_name: 'api/v0.16.0', published_at: '2023-12-07T17:00:00Z', created_at: '2023-12-07T17:00:00Z' });
    z.addRelease({ tag_name: 'kustomize/v5.3.0', published_at: '2023-12-07T18:00:00Z', created_at: '2023-12-07T18:00:00Z', body: '' });
    // On Postgres the CLI gets a fresh test database; embedded, a migrated data directory of its own, made once
    // here so each run only opens it (PGlite cannot share a directory between processes at once).
    if (onPostgres) db = await freshDatabase();
    else {
      dataDir = await mkdtemp(join(tmpdir(), 'podbot-release-notes-'));
      const embedded = await openDatabase({ dataDir });
      await embedded.migrate();
      await embedded.close();
    }
    env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GITHUB_TOKEN,
      GITHUB_API_URL: github.apiUrl,
      PODBOT_CONFIG: '/nonexistent/podbot.yml',
      LOG_LEVEL: 'silent',
      ...(db?.url ? { DATABASE_URL: db.url } : { PODBOT_DATA_DIR: dataDir! }),
    };
  });
  afterAll(async () => {
    await github?.stop();
    await db?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the block with --dry-run, reports progress on stderr and edits nothing (spawned)', async () => {
    const { stdout, stderr } = await run(process.execPath, ['bin/podbot.mjs', 'release-notes', '--repo', 'kubernetes-sigs/kind', '--tag', 'v0.31.0', '--dry-run'], { env, timeout: 60_000 });
    expect(stdout.startsWith('<!-- podbot:credits:start -->\n## Contributors\n\nThank you to the 13 people who contributed to this release! 🎉')).toBe(true);
    expect(stdout).toContain('* @aoxn made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4073');
    expect(stderr).toContain('comparing v0.30.0...v0.31.0: 78 commits');
    expect(stderr).toContain('dry run: would edit release');
    expect(github.requestsTo('PATCH', /releases/)).toHaveLength(0);
  }, 90_000);

  it('writes the block, then finds nothing to do on a second run', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
    const argv = ['--repo', 'kubernetes-sigs/kind', '--tag', 'v0.31.0', '--previous', 'v0.30.0'];
    expect(await runCli(['release-notes', ...argv], { env, io })).toBe(0);
    expect(github.requestsTo('PATCH', /releases/)).toHaveLength(1);
    const release = github.releases.get('kubernetes-sigs/kind')!.find((r) => r.tag_name === 'v0.31.0')!;
    expect(release.body!.startsWith('Human notes\n\n<!-- podbot:credits:start -->')).toBe(true);
    // --previous skips the releases listing
    expect(github.requestsTo('GET', /^\/repos\/kubernetes-sigs\/kind\/releases$/)).toHaveLength(1);

    expect(await runCli(['release-notes', ...argv], { env, io })).toBe(0);
    expect(github.requestsTo('PATCH', /releases/)).toHaveLength(1);
    expect(err.join('')).toContain('the release already has this block; nothing to do');
  }, 90_000);

  it('picks the previous release of the same module in a monorepo and keeps slashes raw in compare URLs', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: () => {} };
    expect(await runCli(['release-notes', '--repo', 'kubernetes-sigs/kustomize', '--tag', 'kustomize/v5.3.0', '--dry-run'], { env, io })).toBe(0);
    const compares = github.requestsTo('GET', /\/kustomize\/compare\//);
    expect(compares.map((r) => r.path)).toEqual(['/repos/kubernetes-sigs/kustomize/compare/kustomize/v5.2.1...kustomize/v5.3.0']);
    const block = out.join('');
    expect(block).toContain('Thank you to the 17 people who contributed to this release! 🎉');
    expect(block).toContain('@stormqueen1990, @sylr, @varshaprasad96');
    expect(block).toContain('Ricardo');
    expect(block.match(/made their first contribution/g)).toHaveLength(7);
    expect(block).toContain('* @0xff-dev made their first contribution in https://github.com/kubernetes-sigs/kustomize/pull/5364');
    expect(block).toContain('**Full Changelog**: https://github.com/kubernetes-sigs/kustomize/compare/kustomize/v5.2.1...kustomize/v5.3.0');
  }, 90_000);

  it('explains wrong arguments and exits with 2', async () => {
    const err: string[] = [];
    const code = await runCli(['release-notes', '--repo', 'kind', '--tag', 'v1'], { env, io: { stdout: () => {}, stderr: (t) => void err.push(t) } });
    expect(code).toBe(2);
    expect(err.join('')).toContain('--repo expects owner/name, e.g. kubernetes-sigs/kind, not "kind"');
    expect(err.join('')).toContain('usage: podbot release-notes');
  });
});
