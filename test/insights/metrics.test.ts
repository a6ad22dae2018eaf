import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { queryHealth, queryPodsHealth } from '../../src/insights/store/query-health';
import { queryFirstTimers } from '../../src/insights/store/query-first-timers';
import { queryPodFill } from '../../src/insights/store/query-pods';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { aPullRequest, aResponse } from './support';

const Q1 = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const NOW = new Date('2026-06-01T00:00:00Z');
let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function app(): Promise<TestApp> {
  t = await startTestApp({ clock: new TestClock(NOW), config: { bots: ['k8s-ci-robot'] } });
  return t;
}

describe('insights metrics', { timeout: 120_000 }, () => {
  it('computes every CHAOSS figure of a hand-worked quarter', async () => {
    const db = (await app()).app.ctx.db;
    await aPullRequest(db, { number: 1, author: 'erin', openedAt: '2025-05-01T00:00:00Z' });
    await aPullRequest(db, { number: 2, author: 'dave', openedAt: '2025-06-01T00:00:00Z', closedAt: '2026-03-01T00:00:00Z' }); // closed in the quarter, unmerged
    await aPullRequest(db, { number: 10, author: 'alice', openedAt: '2026-01-05T10:00:00Z', mergedAt: '2026-01-06T00:00:00Z' });
    await aPullRequest(db, { number: 11, author: 'carol', openedAt: '2026-01-10T00:00:00Z', closedAt: '2026-02-15T00:00:00Z' }); // closed, unmerged
    await aPullRequest(db, { number: 17, author: 'erin', openedAt: '2025-12-01T00:00:00Z', closedAt: '2026-04-02T00:00:00Z' }); // closed after the quarter
    await aPullRequest(db, { number: 12, author: 'dave', openedAt: '2026-01-20T00:00:00Z', mergedAt: '2026-01-21T00:00:00Z' });
    await aPullRequest(db, { number: 13, author: 'Alice', openedAt: '2026-02-01T00:00:00Z' });
    await aPullRequest(db, { number: 14, author: 'dependabot[bot]', openedAt: '2026-02-02T00:00:00Z', mergedAt: '2026-02-02T01:00:00Z' });
    await aPullRequest(db, { number: 15, author: 'k8s-ci-robot', openedAt: '2026-02-03T00:00:00Z' });
    await aPullRequest(db, { number: 16, author: 'gina', openedAt: '2026-02-04T00:00:00Z', kind: 'issue' });
    await aResponse(db, { number: 10, by: 'alice', at: '2026-01-05T10:30:00Z' }); // the author's own comment does not count
    await aResponse(db, { number: 10, by: 'k8s-ci-robot', at: '2026-01-05T11:00:00Z' }); // nor does a bot's
    await aResponse(db, { number: 10, by: 'bob', at: '2026-01-05T12:00:00Z', kind: 'review' }); // 2 h
    await aResponse(db, { number: 11, by: 'bob', at: '2026-01-10T10:00:00Z', kind: 'review' }); // 10 h
    await aResponse(db, { number: 12, by: 'frank', at: '2026-01-20T04:00:00Z', kind: 'review' }); // 4 h
    await aResponse(db, { number: 12, by: 'bob', at: '2026-01-20T06:00:00Z' }); // later than the first

    const { health, trend } = await queryHealth(db, { period: Q1, pod: null, bots: ['k8s-ci-robot'], now: NOW });
    expect(health).toMatchObject({
      newContributors: 2, // alice, carol (dave and erin came before; bots and issues do not count)
      retentionEligible: 2,
      retained: 1, // alice's second PR came 27 days after her first
      retentionRatio: 0.5,
      activeContributors: 3,
      inactiveContributors: 1, // erin
      absenceFactor: 1, // alice opened 2 of 4
      opened: 4,
      merged: 2,
      closed: 4, // 10 and 12 merged; 11 and the older 2 closed without a merge (CHAOSS counts every close)
      closureRatio: 1,
      reviews: 3,
      reviewers: 2,
      reviewsPerReviewer: 1.5,
      topReviewers: [{ login: 'bob', reviews: 2 }, { login: 'frank', reviews: 1 }],
    });
    // All: [2, 4, 10] hours; p90 = 4 + 0.8 × 6. First-timers: [2, 10]; p90 = 2 + 0.9 × 8.
    expect(health.timeToFirstResponse.all).toEqual({ items: 4, answered: 3, medianHours: 4, p90Hours: 8.8 });
    expect(health.timeToFirstResponse.firstTimers).toEqual({ items: 2, answered: 2, medianHours: 6, p90Hours: 9.2 });
    expect(trend.map((m) => [m.month, m.newContributors, m.opened, m.medianResponseHours])).toEqual([
      ['2026-01', 2, 3, 4],
      ['2026-02', 0, 1, null],
      ['2026-03', 0, 0, null],
    ]);
  });

  it('reports no responses as unknown, not zero, and leaves retention open until 90 days have passed', async () => {
    const db = (await app()).app.ctx.db;
    await aPullRequest(db, { number: 1, author: 'solo', openedAt: '2026-03-20T00:00:00Z' });
    const { health } = await queryHealth(db, { period: Q1, pod: null, bots: [], now: new Date('2026-04-01T00:00:00Z') });
    expect(health.timeToFirstResponse.all).toEqual({ items: 1, answered: 0, medianHours: null, p90Hours: null });
    expect(health.retentionEligible).toBe(0);
    expect(health.retentionRatio).toBeNull();
    expect(health.absenceFactor).toBe(1); // one contributor carries everything
    expect(health.reviewsPerReviewer).toBeNull();
  });

  it('counts nothing when only bots contributed', async () => {
    const db = (await app()).app.ctx.db;
    await aPullRequest(db, { number: 1, author: 'dependabot[bot]', openedAt: '2026-01-02T00:00:00Z', mergedAt: '2026-01-03T00:00:00Z' });
    await aPullRequest(db, { number: 2, author: 'renovate[bot]', openedAt: '2026-01-02T00:00:00Z' });
    const { health } = await queryHealth(db, { period: Q1, pod: null, bots: [], now: NOW });
    expect(health).toMatchObject({ newContributors: 0, activeContributors: 0, absenceFactor: 0, opened: 0, merged: 0, closed: 0, closureRatio: null });
  });

  it('finds the first-timers of kind’s real history that the history itself marks as first PRs', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/kind-merged-prs.json', import.meta.url), 'utf8')) as {
      repo: string;
      pull_requests: { number: number; author: string; merged_at: string; is_bot: boolean; first: boolean }[];
    };
    const db = (await app()).app.ctx.db;
    // Only merge dates are in the history, so each PR is taken as opened when it merged.
    await db.ledgerEntry.createMany({
      data: fixture.pull_requests.map((pr) => ({
        repo: fixture.repo, number: pr.number, kind: 'pr', authorLogin: pr.author, authorLoginLower: pr.author.toLowerCase(),
        association: 'CONTRIBUTOR', openedAt: new Date(pr.merged_at), merged: true, mergedAt: new Date(pr.merged_at),
      })),
    });
    const year = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') };
    const inYear = fixture.pull_requests.filter((pr) => !pr.is_bot && pr.merged_at >= '2024' && pr.merged_at < '2025');
    const expected = inYear.filter((pr) => pr.first).map((pr) => pr.author).sort();
    expect(expected.length).toBeGreaterThan(5);
    const firstTimers = await queryFirstTimers(db, { period: year, pod: null, bots: [] });
    expect(firstTimers.map((f) => f.login).sort()).toEqual(expected);
    const { health } = await queryHealth(db, { period: year, pod: null, bots: [], now: NOW });
    expect(health.newContributors).toBe(expected.length);
    expect(health.opened).toBe(inYear.length);
    expect(health.merged).toBe(inYear.length);
    expect(health.activeContributors).toBe(new Set(inYear.map((pr) => pr.author.toLowerCase())).size);
  });

  it('scopes a pod to the items mentioned to it and its members’ pull requests, whenever they were opened', async () => {
    t = await startTestApp({ clock: new TestClock(NOW), config: { pods: [{ name: 'docs', area: 'Docs', advocates: ['UALICE'], capacity: 4 }, { name: 'cli', area: 'CLI', advocates: ['UCAROL'], capacity: 9 }] } });
    const db = t.app.ctx.db;
    const docs = await db.pod.findUniqueOrThrow({ where: { name: 'docs' } });
    const ada = await db.contributor.create({ data: { slackUserId: 'UADA', githubLogin: 'Ada', githubLoginLower: 'ada' } });
    await db.membership.create({ data: { podId: docs.id, contributorId: ada.id } });
    await db.contributor.create({ data: { slackUserId: 'UALICE', githubLogin: 'alice', githubLoginLower: 'alice' } });
    await aPullRequest(db, { number: 1, author: 'Ada', openedAt: '2025-11-01T00:00:00Z' }); // before the period: ada is not new
    await aPullRequest(db, { number: 2, author: 'Ada', openedAt: '2026-01-10T00:00:00Z', mergedAt: '2026-01-11T00:00:00Z' });
    await aPullRequest(db, { number: 3, author: 'bo', openedAt: '2026-02-01T00:00:00Z' }); // mentioned to docs
    await aPullRequest(db, { number: 4, author: 'bo', openedAt: '2026-02-15T00:00:00Z' }); // not mentioned, bo is no member
    await aPullRequest(db, { number: 5, author: 'cy', openedAt: '2026-03-01T00:00:00Z' }); // mentioned to cli only
    await db.podMention.createMany({ data: [{ repo: 'acme/widgets', number: 3, podName: 'docs' }, { repo: 'acme/widgets', number: 5, podName: 'cli' }] });
    await aResponse(db, { number: 2, by: 'zed', at: '2026-01-10T01:00:00Z' }); // 1 h, not an advocate
    await aResponse(db, { number: 2, by: 'alice', at: '2026-01-10T05:00:00Z' }); // the advocate: 5 h
    await aResponse(db, { number: 3, by: 'alice', at: '2026-02-01T03:00:00Z' }); // the advocate: 3 h
    await aResponse(db, { number: 5, by: 'alice', at: '2026-03-01T01:00:00Z' }); // cli's item: not docs'

    const { health } = await queryHealth(db, { period: Q1, pod: 'docs', bots: [], now: NOW });
    expect(health).toMatchObject({ opened: 2, merged: 1, newContributors: 1, activeContributors: 2, absenceFactor: 1 });
    // bo's first (3) came back within 90 days (4), though 4 is not the pod's: retention follows the person.
    expect(health).toMatchObject({ retentionEligible: 1, retained: 1 });
    expect(health.timeToFirstResponse.all).toEqual({ items: 2, answered: 2, medianHours: 2, p90Hours: 2.8 });
    expect(await queryFirstTimers(db, { period: Q1, pod: 'docs', bots: [] })).toEqual([
      { login: 'bo', repo: 'acme/widgets', number: 3, openedAt: '2026-02-01T00:00:00.000Z', pods: ['docs'] },
    ]);
    expect((await queryFirstTimers(db, { period: Q1, pod: null, bots: [] })).map((f) => [f.login, f.pods])).toEqual([
      ['bo', ['docs']],
      ['cy', ['cli']],
    ]);
    const fill = await queryPodFill(db, { period: Q1, bots: [] });
    expect(fill.map((p) => [p.name, p.members, p.fillRatio, p.advocateAnswered, p.advocateMedianHours])).toEqual([
      ['cli', 0, 0, 0, null], // alice answered cli's item, but she is not cli's advocate
      ['docs', 1, 0.25, 2, 4], // alice answered 2 and 3 in 5 h and 3 h
    ]);
  });

  it('computes every pod’s figures at once, as each pod gets them alone, when scopes overlap', async () => {
    t = await startTestApp({ clock: new TestClock(NOW), config: { pods: [{ name: 'docs', area: 'Docs', advocates: ['UALICE'], capacity: 4 }, { name: 'cli', area: 'CLI', advocates: ['UALICE'], capacity: 9 }] } });
    const db = t.app.ctx.db;
    const [docs, cli] = [await db.pod.findUniqueOrThrow({ where: { name: 'docs' } }), await db.pod.findUniqueOrThrow({ where: { name: 'cli' } })];
    const ada = await db.contributor.create({ data: { slackUserId: 'UADA', githubLogin: 'ada', githubLoginLower: 'ada' } });
    const bo = await db.contributor.create({ data: { slackUserId: 'UBO', githubLogin: 'bo', githubLoginLower: 'bo' } });
    await db.membership.createMany({ data: [{ podId: docs.id, contributorId: ada.id }, { podId: cli.id, contributorId: ada.id }, { podId: cli.id, contributorId: bo.id, leftAt: new Date('2025-12-01T00:00:00Z') }] });
    await db.contributor.create({ data: { slackUserId: 'UALICE', githubLogin: 'alice', githubLoginLower: 'alice' } });
    await aPullRequest(db, { number: 1, author: 'cy', openedAt: '2025-06-01T00:00:00Z' }); // cli's, the year before: cy is inactive there
    await aPullRequest(db, { number: 2, author: 'ada', openedAt: '2026-01-05T00:00:00Z', mergedAt: '2026-01-06T00:00:00Z' }); // both pods' (a member of both)
    await aPullRequest(db, { number: 3, author: 'ed', openedAt: '2026-01-10T00:00:00Z' }); // mentioned to both; ed's second
    await aPullRequest(db, { number: 4, author: 'bo', openedAt: '2026-02-01T00:00:00Z' }); // cli's: bo was a member
    await aPullRequest(db, { number: 5, author: 'ed', openedAt: '2025-12-20T00:00:00Z', mergedAt: '2026-02-10T00:00:00Z' }); // docs' (ed's first), merged in the period
    await aPullRequest(db, { number: 6, author: 'renovate[bot]', openedAt: '2026-02-02T00:00:00Z' }); // mentioned to docs, a bot
    await aPullRequest(db, { number: 7, author: 'fay', openedAt: '2026-03-01T00:00:00Z' }); // nobody's
    await db.podMention.createMany({
      data: [
        { repo: 'acme/widgets', number: 1, podName: 'cli' },
        { repo: 'acme/widgets', number: 2, podName: 'docs' }, // also ada's: counted once
        { repo: 'acme/widgets', number: 3, podName: 'docs' },
        { repo: 'acme/widgets', number: 3, podName: 'cli' },
        { repo: 'acme/widgets', number: 5, podName: 'docs' },
        { repo: 'acme/widgets', number: 6, podName: 'docs' },
      ],
    });
    await aResponse(db, { number: 2, by: 'alice', at: '2026-01-05T02:00:00Z', kind: 'review' }); // 2 h
    await aResponse(db, { number: 3, by: 'gus', at: '2026-01-10T06:00:00Z', kind: 'review' }); // 6 h
    await aResponse(db, { number: 3, by: 'alice', at: '2026-01-10T07:00:00Z', kind: 'review' });
    await aResponse(db, { number: 4, by: 'alice', at: '2026-02-01T01:00:00Z' }); // 1 h
    await aResponse(db, { number: 5, by: 'gus', at: '2026-01-02T00:00:00Z', kind: 'review' }); // on an item opened before the period
    await aResponse(db, { number: 7, by: 'alice', at: '2026-03-01T03:00:00Z', kind: 'review' }); // nobody's item

    const together = await queryPodsHealth(db, { period: Q1, pods: ['cli', 'docs'], bots: [], now: NOW });
    for (const pod of ['cli', 'docs']) {
      expect(together.get(pod), pod).toEqual((await queryHealth(db, { period: Q1, pod, bots: [], now: NOW })).health);
    }
    expect(together.get('docs')).toMatchObject({ opened: 2, merged: 2, newContributors: 1, activeContributors: 2, inactiveContributors: 0, absenceFactor: 1, reviews: 4, reviewers: 2 });
    expect(together.get('docs')!.timeToFirstResponse.all).toEqual({ items: 2, answered: 2, medianHours: 4, p90Hours: 5.6 });
    expect(together.get('cli')).toMatchObject({ opened: 3, merged: 1, newContributors: 2, activeContributors: 3, inactiveContributors: 1, absenceFactor: 2, reviews: 3, reviewers: 2 });
    expect(together.get('cli')!.topReviewers).toEqual([{ login: 'alice', reviews: 2 }, { login: 'gus', reviews: 1 }]);
    expect((await queryPodsHealth(db, { period: Q1, pods: [], bots: [], now: NOW })).size).toBe(0);
  });
});
