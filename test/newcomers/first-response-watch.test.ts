import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWaitingItems } from '../../src/newcomers';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { issueComment, issueOpened, pullRequestOpened, reviewComment, reviewSubmitted } from './payloads';
import { deliver, secondConnection, watchAt, watchKeys, watchMessages } from './watch-app';

// The first-response watch, driven through signed webhooks, the scheduler task and the fake Slack, with the test
// clock. Monday 2026-11-23 09:00 UTC is the start of each story; the window is two working days (UTC, Sat/Sun off).

const config = {
  admins: ['U0ADMIN', 'U0ADMIN2'],
  bots: ['ci-robot'],
  pods: [
    { name: 'docs', displayName: 'Docs', area: 'Documentation', labels: ['area/docs'], paths: ['docs/**'], advocates: ['U0ADA'], channel: 'C0DOCS' },
    { name: 'cli', displayName: 'CLI', area: 'Command line', labels: ['area/cli'], paths: ['cmd/**'], advocates: ['U0ADA', 'U0CAROL'] },
  ],
};

const MONDAY = '2026-11-23T09:00:00Z';
const key = (number: number, step: string, recipient: string) => `newcomers:first-response:octo/app#${number}:${step}:${recipient}`;

describe('first-response watch', () => {
  const clock = new TestClock(new Date(MONDAY));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config, clock });
  });
  afterAll(() => t?.stop());

  it('says nothing when a maintainer answers before the deadline, and records who answered', async () => {
    clock.set(MONDAY);
    await deliver(t, 'issues', issueOpened({ number: 1, labels: ['area/docs'], createdAt: MONDAY }));
    clock.set('2026-11-24T10:00:00Z');
    await deliver(t, 'issue_comment', issueComment({ number: 1, by: 'maintainer', at: '2026-11-24T10:00:00Z', id: 9001 }));

    await watchAt(t, clock, '2026-11-25T09:00:00Z');
    await watchAt(t, clock, '2026-11-27T09:00:00Z');
    expect(watchKeys(t, 'U0ADA').filter((k) => k.includes('#1:'))).toEqual([]);
    expect(watchKeys(t, 'C0DOCS').filter((k) => k.includes('#1:'))).toEqual([]);
    const watch = await t.db.prisma.firstResponseWatch.findUnique({ where: { repo_number: { repo: 'octo/app', number: 1 } } });
    expect(watch).toMatchObject({ answeredAt: new Date('2026-11-24T10:00:00Z'), nudgedAt: null, escalatedAt: null, pods: ['docs'], firstTimer: true });
    expect(await t.db.prisma.itemResponse.findMany({ where: { number: 1 }, select: { responderLogin: true, kind: true, githubId: true, respondedAt: true } })).toEqual([
      { responderLogin: 'maintainer', kind: 'comment', githubId: 'comment:9001', respondedAt: new Date('2026-11-24T10:00:00Z') },
    ]);
  });

  it("tells the Pod's advocate and channel when only bots and the author replied, once, with the age and a link", async () => {
    clock.set(MONDAY);
    await deliver(t, 'issues', issueOpened({ number: 2, labels: ['area/docs'], createdAt: MONDAY, author: 'waiter' }));
    await deliver(t, 'issue_comment', issueComment({ number: 2, author: 'waiter', by: 'ci-robot', at: '2026-11-23T09:01:00Z', id: 9002 }));
    await deliver(t, 'issue_comment', issueComment({ number: 2, author: 'waiter', by: 'renovate[bot]', at: '2026-11-23T09:02:00Z', id: 9003 }));
    await deliver(t, 'issue_comment', issueComment({ number: 2, author: 'waiter', by: 'Waiter', at: '2026-11-23T12:00:00Z', id: 9004 }));

    await watchAt(t, clock, '2026-11-25T08:59:00Z');
    expect(watchKeys(t, 'U0ADA').filter((k) => k.includes('#2:'))).toEqual([]);

    await watchAt(t, clock, '2026-11-25T10:00:00Z');
    await watchAt(t, clock, '2026-11-25T10:05:00Z');
    expect(watchKeys(t, 'U0ADA').filter((k) => k.includes('#2:'))).toEqual([key(2, 'nudge', 'U0ADA')]);
    expect(watchKeys(t, 'C0DOCS').filter((k) => k.includes('#2:'))).toEqual([key(2, 'nudge', 'C0DOCS')]);
    expect(watchKeys(t, 'U0ADMIN').filter((k) => k.includes('#2:'))).toEqual([]);

    const [dm] = watchMessages(t, 'U0ADA').filter((m) => m.args.metadata.event_payload.key === key(2, 'nudge', 'U0ADA'));
    expect(dm.args.text).toBe("waiter's first issue octo/app#2 has waited 2 days 1 hour");
    const body = JSON.stringify(dm.args.blocks);
    expect(body).toContain('<https://github.com/octo/app/issues/2|octo/app#2 Issue 2>');
    expect(body).toContain('*2 days 1 hour*');
    expect(body).toContain('we aim for 2 working days');
    expect(body).toContain('You advocate for the *Docs* Pod');

    // The bots' comments are recorded (readers leave bots out), the author's own is not.
    const responders = await t.db.prisma.itemResponse.findMany({ where: { number: 2 }, orderBy: { respondedAt: 'asc' }, select: { responderLogin: true } });
    expect(responders.map((r) => r.responderLogin)).toEqual(['ci-robot', 'renovate[bot]']);
  });

  it('escalates to the admins after twice the time, once', async () => {
    await watchAt(t, clock, '2026-11-27T08:59:00Z');
    expect(watchKeys(t, 'U0ADMIN').filter((k) => k.includes('#2:'))).toEqual([]);
    await watchAt(t, clock, '2026-11-27T09:00:00Z');
    await watchAt(t, clock, '2026-11-27T09:30:00Z');
    expect(watchKeys(t, 'U0ADMIN').filter((k) => k.includes('#2:'))).toEqual([key(2, 'escalate', 'U0ADMIN')]);
    expect(watchKeys(t, 'U0ADMIN2').filter((k) => k.includes('#2:'))).toEqual([key(2, 'escalate', 'U0ADMIN2')]);
    const [escalation] = watchMessages(t, 'U0ADMIN').filter((m) => m.args.metadata.event_payload.key === key(2, 'escalate', 'U0ADMIN'));
    expect(escalation.args.text).toBe("waiter's first issue octo/app#2 has had no response for 4 days");
    expect(JSON.stringify(escalation.args.blocks)).toContain("The *Docs* Pod's advocates were told at the first deadline.");
    // Nothing more to the advocate or channel.
    expect(watchKeys(t, 'U0ADA').filter((k) => k.includes('#2:'))).toHaveLength(1);
    expect(watchKeys(t, 'C0DOCS').filter((k) => k.includes('#2:'))).toHaveLength(1);
  });

  it('sends the nudge to the admins when no Pod matches, and a PR review counts as a response', async () => {
    clock.set(MONDAY);
    await deliver(t, 'issues', issueOpened({ number: 3, createdAt: MONDAY, author: 'lonely' }));
    await deliver(t, 'pull_request', pullRequestOpened({ number: 4, labels: ['area/cli'], createdAt: MONDAY, author: 'coder' }));
    await deliver(t, 'pull_request_review', reviewSubmitted({ number: 4, author: 'coder', by: 'carol', at: '2026-11-24T09:00:00Z', id: 7001, state: 'commented' }));

    await watchAt(t, clock, '2026-11-25T09:00:00Z');
    expect(watchKeys(t, 'U0ADMIN').filter((k) => k.includes('#3:'))).toEqual([key(3, 'nudge', 'U0ADMIN')]);
    expect(JSON.stringify(watchMessages(t, 'U0ADMIN').at(-1)!.args.blocks)).toContain('No Pod matched it');
    expect(watchKeys(t, 'U0CAROL')).toEqual([]);
    expect(await t.db.prisma.itemResponse.findMany({ where: { number: 4 }, select: { kind: true, githubId: true } })).toEqual([{ kind: 'review', githubId: 'review:7001' }]);
  });

  it('counts a review comment, stops watching a closed item, and watches nobody who is not a first-timer', async () => {
    clock.set(MONDAY);
    await deliver(t, 'pull_request', pullRequestOpened({ number: 5, labels: ['area/cli'], createdAt: MONDAY, author: 'linecomment' }));
    await deliver(t, 'pull_request_review_comment', reviewComment({ number: 5, author: 'linecomment', by: 'carol', at: '2026-11-23T15:00:00Z', id: 8001 }));
    await deliver(t, 'issues', issueOpened({ number: 6, labels: ['area/cli'], createdAt: MONDAY, author: 'closer' }));
    await deliver(t, 'issues', issueOpened({ number: 6, labels: ['area/cli'], createdAt: MONDAY, author: 'closer' }, 'closed'));
    await deliver(t, 'issues', issueOpened({ number: 7, labels: ['area/cli'], createdAt: MONDAY, author: 'member', association: 'MEMBER' }));
    await deliver(t, 'pull_request', pullRequestOpened({ number: 8, labels: ['area/cli'], createdAt: MONDAY, author: 'dependabot[bot]', association: 'NONE' }));

    await watchAt(t, clock, '2026-11-30T09:00:00Z');
    for (const n of [5, 6, 7, 8]) {
      expect(watchKeys(t, 'U0ADA').filter((k) => k.includes(`#${n}:`))).toEqual([]);
      expect(watchKeys(t, 'U0ADMIN').filter((k) => k.includes(`#${n}:`))).toEqual([]);
    }
    expect(await t.db.prisma.itemResponse.findMany({ where: { number: 5 }, select: { kind: true, githubId: true } })).toEqual([{ kind: 'comment', githubId: 'review-comment:8001' }]);
    const watched = await t.db.prisma.firstResponseWatch.findMany({ where: { number: { in: [5, 6, 7, 8] } }, orderBy: { number: 'asc' }, select: { number: true, answeredAt: true, closedAt: true } });
    expect(watched.map((w) => [w.number, w.answeredAt !== null, w.closedAt !== null])).toEqual([
      [5, true, false],
      [6, false, true],
    ]);
  });

  it('records a redelivered comment once, and refuses a comment payload without an issue', async () => {
    const payload = issueComment({ number: 1, by: 'second-reader', at: '2026-11-25T10:00:00Z', id: 9100 });
    await deliver(t, 'issue_comment', payload, 'comment-delivery-1');
    await deliver(t, 'issue_comment', payload, 'comment-delivery-2');
    expect(await t.db.prisma.itemResponse.count({ where: { githubId: 'comment:9100' } })).toBe(1);
    const { issue: _issue, ...broken } = payload;
    const res = await t.webhook('issue_comment', broken);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'issue_comment payload has no "issue" object' });
  });

  it("lists a Pod's waiting items, oldest first, without the answered or closed ones", async () => {
    clock.set('2026-11-30T09:00:00Z');
    await deliver(t, 'issues', issueOpened({ number: 10, labels: ['area/docs'], createdAt: '2026-11-30T08:00:00Z', author: 'fresh' }));
    const waiting = await listWaitingItems(t.app.ctx, 'docs');
    expect(waiting.map((w) => [w.number, w.overdue, w.ageMs / 3_600_000])).toEqual([
      [2, true, 7 * 24],
      [10, false, 1],
    ]);
    expect(waiting[1]).toMatchObject({ url: 'https://github.com/octo/app/issues/10', authorLogin: 'fresh', firstTimer: true, nudgeAt: new Date('2026-12-02T08:00:00Z') });
    expect((await listWaitingItems(t.app.ctx, 'cli')).map((w) => w.number)).toEqual([]);
  });
});

describe('first-response watch over a weekend, in the community time zone', () => {
  // Friday 2026-11-27 15:00 in Berlin is 14:00 UTC. Two working days: Monday and Tuesday, so Tuesday 15:00 Berlin.
  const clock = new TestClock(new Date('2026-11-27T14:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock, config: { ...config, welcome: { firstResponse: { timezone: 'Europe/Berlin' } } } });
  });
  afterAll(() => t?.stop());

  it('does not count Saturday and Sunday', async () => {
    await deliver(t, 'issues', issueOpened({ number: 20, labels: ['area/docs'], createdAt: '2026-11-27T14:00:00Z' }));
    await watchAt(t, clock, '2026-11-29T15:00:00Z'); // two calendar days later: Sunday
    await watchAt(t, clock, '2026-12-01T13:59:00Z'); // Tuesday 14:59 in Berlin
    expect(watchKeys(t, 'U0ADA')).toEqual([]);
    await watchAt(t, clock, '2026-12-01T14:00:00Z');
    expect(watchKeys(t, 'U0ADA')).toEqual([key(20, 'nudge', 'U0ADA')]);
    expect(watchMessages(t, 'U0ADA')[0].args.text).toBe("newbie's first issue octo/app#20 has waited 4 days");
  });
});

describe('first-response watch across a restart', () => {
  const clock = new TestClock(new Date(MONDAY));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config, clock });
  });
  afterAll(() => t?.stop());

  async function restart(): Promise<void> {
    await t.stop({ keepDatabase: true, keepFakes: true });
    t = await startTestApp({ config, clock, db: t.db, slack: t.slack, github: t.github });
  }

  it('takes each step once when podbot restarts between the opening, the deadline and the escalation', async () => {
    await deliver(t, 'issues', issueOpened({ number: 30, labels: ['area/docs'], createdAt: MONDAY }));
    await watchAt(t, clock, '2026-11-24T09:00:00Z');
    await restart(); // down across the deadline
    await watchAt(t, clock, '2026-11-25T12:00:00Z');
    await restart();
    await watchAt(t, clock, '2026-11-25T12:05:00Z');
    expect(watchKeys(t, 'U0ADA')).toEqual([key(30, 'nudge', 'U0ADA')]);
    expect(watchKeys(t, 'C0DOCS')).toEqual([key(30, 'nudge', 'C0DOCS')]);
    await restart();
    await watchAt(t, clock, '2026-11-27T10:00:00Z');
    await restart();
    await watchAt(t, clock, '2026-11-27T10:05:00Z');
    expect(watchKeys(t, 'U0ADMIN')).toEqual([key(30, 'escalate', 'U0ADMIN')]);
    expect(watchKeys(t, 'U0ADA')).toHaveLength(1);
  });
});

describe('first-response watch on two replicas', () => {
  const clock = new TestClock(new Date(MONDAY));
  let a: TestApp;
  let b: TestApp;
  let closeSecond: () => Promise<void>;
  beforeAll(async () => {
    a = await startTestApp({ config, clock });
    const second = await secondConnection(a.db);
    closeSecond = second.close;
    b = await startTestApp({ config, clock, db: second.db, slack: a.slack, github: a.github });
  });
  afterAll(async () => {
    await b?.stop({ keepDatabase: true, keepFakes: true });
    await closeSecond?.();
    await a?.stop();
  });

  it('sends each step exactly once while both run the watch concurrently', async () => {
    await deliver(a, 'issues', issueOpened({ number: 40, labels: ['area/cli'], createdAt: MONDAY }));
    await deliver(b, 'issues', issueOpened({ number: 41, createdAt: MONDAY, author: 'other' }));
    for (const instant of ['2026-11-25T09:00:00Z', '2026-11-26T09:00:00Z', '2026-11-27T09:00:00Z', '2026-11-30T09:00:00Z']) {
      clock.set(instant);
      await Promise.all([1, 2, 3].flatMap(() => [a.app.runTask('first-response'), b.app.runTask('first-response')]));
      await Promise.all([a.drain(), b.drain()]);
    }
    expect(watchKeys(a, 'U0ADA')).toEqual([key(40, 'nudge', 'U0ADA')]);
    expect(watchKeys(a, 'U0CAROL')).toEqual([key(40, 'nudge', 'U0CAROL')]);
    expect(watchKeys(a, 'U0ADMIN').sort()).toEqual([key(40, 'escalate', 'U0ADMIN'), key(41, 'escalate', 'U0ADMIN'), key(41, 'nudge', 'U0ADMIN')]);
    expect(await a.db.prisma.outboxJob.count({ where: { key: { startsWith: 'newcomers:first-response:' } } })).toBe(2 + 2 + 4);
  });
});
