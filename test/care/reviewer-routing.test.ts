import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { commandReply } from '../pods/app-helpers';
import { acceptReviewRequests, aPodMember, commentsOn, prEvent, requestedOn } from './support';

const DAY = 86_400_000;
const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
const config = {
  pods: [{ name: 'docs', area: 'Documentation', labels: ['area/docs'], advocates: ['UALICE'], channel: 'C0DOCS' }],
  care: { timeZone: 'Europe/Berlin', reviewers: { count: 1, inactiveDays: 60 } },
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config, clock });
  acceptReviewRequests(t);
  const now = clock.now().getTime();
  await aPodMember(t, 'docs', 'UBOB', 'bob', new Date(now - 10 * DAY));
  await aPodMember(t, 'docs', 'UCAROL', 'carol', new Date(now - 20 * DAY));
  // Joined long ago and has done nothing since: inactive, never asked.
  await aPodMember(t, 'docs', 'UDAVE', 'dave', new Date(now - 100 * DAY));
});
afterAll(() => t?.stop());

/** Sends a `pull_request.labeled` delivery that brings the Docs pod in, and waits for what it sends. */
async function labelDocs(number: number, options: Parameters<typeof prEvent>[2] = {}, delivery?: string): Promise<void> {
  const res = await t.webhook('pull_request', prEvent('labeled', number, { labels: ['area/docs'], ...options }), delivery ? { delivery } : {});
  expect(res.status).toBeLessThan(300);
  await t.drain();
}

describe('reviewer routing from pods', () => {
  it('requests the least loaded active member, never the inactive one, and explains it in the pod comment', async () => {
    // carol already has a review request open (made by a person on GitHub).
    await t.webhook('pull_request', prEvent('review_requested', 90, { extra: { requested_reviewer: { login: 'carol', type: 'User' } } }));
    await labelDocs(1, {}, 'routing-1');
    expect(requestedOn(t, 1)).toEqual([['bob']]);
    const [comment] = commentsOn(t, 1);
    expect(comment).toContain('requested @bob: fewest open reviews in Docs');
    expect(comment.startsWith('<!-- podbot:pod-mention docs -->')).toBe(true);
  });

  it('is a no-op on a redelivery and on later events of the same PR', async () => {
    await labelDocs(1, {}, 'routing-1');
    await t.webhook('pull_request', prEvent('synchronize', 1, { labels: ['area/docs'] }));
    await t.drain();
    expect(requestedOn(t, 1)).toEqual([['bob']]);
    expect(await t.db.prisma.careReviewRequest.count({ where: { repo: 'octo/app', number: 1 } })).toBe(1);
  });

  it('spreads the next PR to someone else, as bob now has an open request', async () => {
    // carol's request is done (reviewed): both bob and carol have one open now… bob's on #1, carol none.
    await t.webhook('pull_request_review', { ...prEvent('submitted', 90), review: { id: 1, user: { login: 'carol', type: 'User' }, state: 'approved' } });
    await labelDocs(2);
    expect(requestedOn(t, 2)).toEqual([['carol']]);
    expect(commentsOn(t, 2)[0]).toContain('requested @carol: fewest open reviews in Docs');
  });

  it('never asks the author', async () => {
    await t.webhook('pull_request', prEvent('closed', 1));
    await t.webhook('pull_request', prEvent('closed', 2));
    // Nobody has open requests now; bob was asked least recently, but bob wrote this PR.
    await labelDocs(3, { author: 'bob' });
    expect(requestedOn(t, 3)).toEqual([['carol']]);
    await t.webhook('pull_request', prEvent('closed', 3));
  });

  it('skips someone who is busy, and asks them again after /pod busy off', async () => {
    expect((await commandReply(t, '/pod', 'busy', 'UBOB')).text).toContain('will not ask you for reviews until you run `/pod busy off`');
    await labelDocs(4);
    expect(requestedOn(t, 4)).toEqual([['carol']]);
    await t.webhook('pull_request', prEvent('closed', 4));

    expect((await commandReply(t, '/pod', 'busy off', 'UBOB')).text).toContain('may ask you for reviews again');
    await labelDocs(5);
    expect(requestedOn(t, 5)).toEqual([['bob']]);
    await t.webhook('pull_request', prEvent('closed', 5));
  });

  it('`/pod busy until <date>` lasts through that day in the community time zone', async () => {
    // 2026-11-23 09:00Z; busy through 2026-11-24 in Berlin, i.e. until 2026-11-24T23:00Z.
    expect((await commandReply(t, '/pod', 'busy until 2026-11-24', 'UCAROL')).text).toContain('until 2026-11-24 is over');
    clock.set('2026-11-24T22:30:00Z');
    await labelDocs(6);
    expect(requestedOn(t, 6)).toEqual([['bob']]);
    await t.webhook('pull_request', prEvent('closed', 6));
    clock.set('2026-11-24T23:00:00Z');
    await labelDocs(7);
    expect(requestedOn(t, 7)).toEqual([['carol']]);
    await t.webhook('pull_request', prEvent('closed', 7));
  });

  it('explains a bad busy date and suggests a subcommand for a typo', async () => {
    expect((await commandReply(t, '/pod', 'busy until tomorrow', 'UBOB')).text).toContain('`tomorrow` is not a date');
    expect((await commandReply(t, '/pod', 'busy until 2026-01-01', 'UBOB')).text).toContain('has passed');
    expect((await commandReply(t, '/pod', 'buys', 'UBOB')).text).toContain('Did you mean `/pod busy`?');
    expect((await commandReply(t, '/pod', 'help', 'UBOB')).text).toContain('`/pod busy [until <YYYY-MM-DD>]`');
  });

  it('leaves alone a PR that already has a requested reviewer, or where the author cc-ed someone', async () => {
    await labelDocs(8, { requested: ['erin'] });
    await labelDocs(9, { body: 'Fixes the guide.\n\n/cc @erin' });
    expect([requestedOn(t, 8), requestedOn(t, 9)]).toEqual([[], []]);
    expect(commentsOn(t, 8)[0]).not.toContain('requested @');
    expect(commentsOn(t, 9)).toHaveLength(1);
    expect(commentsOn(t, 9)[0]).not.toContain('requested @');
  });

  it('keeps podbot\'s requests apart from those people made on GitHub', async () => {
    expect(await t.db.prisma.careReviewRequest.count({ where: { podName: null, reviewerLoginLower: 'carol' } })).toBe(1);
    expect(await t.db.prisma.careReviewRequest.count({ where: { podName: { not: null } } })).toBe(7);
  });
});
