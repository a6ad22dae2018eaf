import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerReleases } from '../../src/releases/register';
import type { FakeRelease } from '../support/fake-github';
import { installRepoHistory, syntheticHistory, type SyntheticHistory } from '../support/github-history';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { aReleaseEvent } from './release-payload';

// 1,500 PRs with 150-character titles by ~1,300 people with long logins: the full PR list alone would be
// ~375,000 characters, and the announcement needs more than 50 blocks.
describe('a huge release', () => {
  let t: TestApp;
  let history: SyntheticHistory;
  let release: FakeRelease;
  const clock = new TestClock(new Date('2026-02-01T10:00:00Z'));
  const human = `# Rocket 2.0\n\n${'Long hand-written notes. '.repeat(400)}\n`;

  beforeAll(async () => {
    t = await startTestApp({ features: [registerReleases], clock, config: { releases: { channel: 'C0RELEASES' } } });
    history = syntheticHistory({ prs: 1500, authors: 3000, titleLength: 150, seed: 7, loginPrefix: 'a-contributor-with-a-long-login-' });
    const installed = installRepoHistory(t.github, history);
    installed.addRelease({ tag_name: 'v1.0.0', published_at: '2025-01-01T00:00:00Z', created_at: '2025-01-01T00:00:00Z' });
    release = installed.addRelease({ tag_name: 'v2.0.0', name: 'Rocket 2.0', published_at: '2026-02-01T09:00:00Z', created_at: '2026-02-01T09:00:00Z', body: human });
    // A backfilled ledger knows every merged PR, so no author needs a search.
    const merged = history.pulls.filter((p) => p.author && !p.author.endsWith('[bot]') && p.mergedAt);
    await t.db.prisma.ledgerEntry.createMany({
      data: merged.map((p) => ({
        repo: 'acme/rocket', number: p.number, kind: 'pr', authorLogin: p.author!, authorLoginLower: p.author!.toLowerCase(),
        association: 'CONTRIBUTOR', openedAt: new Date(p.mergedAt!), merged: true, mergedAt: new Date(p.mergedAt!),
      })),
    });
    await t.db.prisma.backfillCursor.create({ data: { repo: 'acme/rocket', listing: 'pulls', nextPage: 16, done: true } });
    const res = await t.webhook('release', aReleaseEvent('published', 'acme', 'rocket', release));
    expect(res.status).toBe(202);
    await t.drain();
    // Announcement parts after the first are spaced out so they arrive in order.
    clock.advance(60_000);
    await t.drain();
  }, 120_000);
  afterAll(() => t?.stop());

  it('stays within 125,000 characters, keeps the human text and still names every contributor', () => {
    const body = release.body!;
    expect(body.length).toBeLessThanOrEqual(125_000);
    expect(body.startsWith(human)).toBe(true);
    const humans = new Set(history.pulls.filter((p) => p.mergeCommitSha !== null && p.author && !p.author.endsWith('[bot]')).map((p) => p.author!));
    expect(humans.size).toBeGreaterThan(1000);
    for (const login of humans) expect(body).toContain(`@${login}`);
    // PR lists were reduced to counts: no PR line survives.
    expect(body).not.toContain('* Change number');
    expect(body).toMatch(/^\d+ pull requests\.$/m);
  });

  it('answers every first-timer question from a backfilled ledger, without searching', () => {
    const searches = t.github.requestsTo('POST', /^\/graphql$/).filter((r) => String(r.body.query).includes('search('));
    expect(searches).toHaveLength(0);
    expect(release.body).toContain('### New contributors');
  });

  it('splits the Slack announcement into messages of at most 50 blocks, posted in order', () => {
    const posts = t.slack.messagesTo('C0RELEASES');
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) expect((post.args.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    expect(String(posts[0].args.text)).toContain('Rocket 2.0 is out!');
    expect(String(posts[1].args.text)).toBe('Rocket 2.0: contributors (continued)');
  });
});
