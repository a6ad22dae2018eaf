import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerReleases } from '../../src/releases';
import type { FakeRelease, GitHubRequest } from '../support/fake-github';
import { installRepoHistory, syntheticHistory } from '../support/github-history';
import { startTestApp, type TestApp } from '../support/test-app';
import { aReleaseEvent } from './release-payload';

/**
 * Every GitHub request one release.published delivery costs, not only the gatherer's: the same synthetic 1,000-PR
 * release as bench/release-notes.ts (squash, merge-commit and rebase merges, bots, co-authors; 300 authors, ledger
 * cold so every author goes to the batched search), through the webhook endpoint, the credit flow and the outbox.
 * README and docs/releases.md state the total measured here.
 */
const DOCUMENTED_TOTAL = 22;

describe('GitHub requests for a 1,000-PR release.published delivery', () => {
  let t: TestApp;
  let release: FakeRelease;

  beforeAll(async () => {
    t = await startTestApp({ features: [registerReleases], config: { releases: { channel: 'C0RELEASES' } } });
    const installed = installRepoHistory(t.github, syntheticHistory({ prs: 1000, authors: 300, seed: 2024 }));
    installed.addRelease({ tag_name: 'v1.0.0', published_at: '2025-01-01T00:00:00Z', created_at: '2025-01-01T00:00:00Z' });
    release = installed.addRelease({ tag_name: 'v2.0.0', published_at: '2026-01-01T00:00:00Z', created_at: '2026-01-01T00:00:00Z', body: 'Notes' });
    t.github.requests.length = 0;
    const res = await t.webhook('release', aReleaseEvent('published', 'acme', 'rocket', release));
    expect(res.status).toBe(202);
    await t.drain();
  }, 180_000);
  afterAll(() => t?.stop());

  it('counts every request the fake GitHub recorded, by kind, and stays within the documented total', () => {
    const kinds = countByKind(t.github.requests);
    console.log(`release.published, 1,000 PRs: ${t.github.requests.length} GitHub requests ${JSON.stringify(kinds)}`);
    expect(release.body).toContain('<!-- podbot:credits:end -->');
    // The gatherer's part (bench/release-notes.ts prints the same numbers), then reading and editing the body.
    expect(kinds).toMatchObject({ listReleases: 1, getRelease: 1, updateRelease: 1, other: 0 });
    expect(kinds.compare).toBeGreaterThan(1);
    expect(kinds.graphqlLookups).toBeGreaterThan(0);
    expect(kinds.graphqlSearches).toBeGreaterThan(0);
    expect(t.github.requests.length).toBeLessThanOrEqual(DOCUMENTED_TOTAL);
  });
});

function countByKind(requests: readonly GitHubRequest[]) {
  const kinds = { listReleases: 0, compare: 0, graphqlLookups: 0, graphqlSearches: 0, getRelease: 0, updateRelease: 0, other: 0 };
  for (const r of requests) {
    if (r.method === 'GET' && /\/releases$/.test(r.path)) kinds.listReleases += 1;
    else if (r.method === 'GET' && r.path.includes('/compare/')) kinds.compare += 1;
    else if (r.method === 'POST' && r.path === '/graphql') {
      if (String((r.body as { query?: unknown } | undefined)?.query).includes('search(')) kinds.graphqlSearches += 1;
      else kinds.graphqlLookups += 1;
    } else if (r.method === 'GET' && /\/releases\/\d+$/.test(r.path)) kinds.getRelease += 1;
    else if (r.method === 'PATCH' && /\/releases\/\d+$/.test(r.path)) kinds.updateRelease += 1;
    else kinds.other += 1;
  }
  return kinds;
}
