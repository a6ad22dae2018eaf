import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { issueComment, pullRequestOpened, reviewComment, reviewSubmitted } from './payloads';
import { deliver } from './watch-app';

// The ledger's new subscriptions feed insights: time to first response and reviews per person come from real
// comment and review deliveries, with the author's own and bots' left out.

describe('responses recorded from webhooks, as insights reads them', () => {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock, config: { bots: ['ci-robot'] } });
    await deliver(t, 'pull_request', pullRequestOpened({ number: 1, author: 'ann', createdAt: '2026-11-23T09:00:00Z' }));
    await deliver(t, 'pull_request', pullRequestOpened({ number: 2, author: 'bob', createdAt: '2026-11-23T09:00:00Z' }));
    await deliver(t, 'pull_request', pullRequestOpened({ number: 3, author: 'cyd', createdAt: '2026-11-23T09:00:00Z' }));
    // PR 1: the author and a bot speak first; carol's review 5 hours in is the first response.
    await deliver(t, 'issue_comment', issueComment({ number: 1, author: 'ann', by: 'ann', at: '2026-11-23T10:00:00Z', id: 1, onPullRequest: true }));
    await deliver(t, 'pull_request_review', reviewSubmitted({ number: 1, author: 'ann', by: 'ci-robot', at: '2026-11-23T11:00:00Z', id: 11 }));
    await deliver(t, 'pull_request_review', reviewSubmitted({ number: 1, author: 'ann', by: 'carol', at: '2026-11-23T14:00:00Z', id: 12 }));
    await deliver(t, 'pull_request_review_comment', reviewComment({ number: 1, author: 'ann', by: 'carol', at: '2026-11-23T14:00:00Z', id: 13 }));
    // PR 2: dave comments after 1 hour, carol reviews later; dave reviews too.
    await deliver(t, 'issue_comment', issueComment({ number: 2, author: 'bob', by: 'dave', at: '2026-11-23T10:00:00Z', id: 2, onPullRequest: true }));
    await deliver(t, 'pull_request_review', reviewSubmitted({ number: 2, author: 'bob', by: 'carol', at: '2026-11-24T09:00:00Z', id: 21 }));
    await deliver(t, 'pull_request_review', reviewSubmitted({ number: 2, author: 'bob', by: 'dave', at: '2026-11-24T10:00:00Z', id: 22, state: 'changes_requested' }));
    // PR 3: nobody answered.
  });
  afterAll(() => t?.stop());

  it('counts reviews per person and the first human response of each pull request', async () => {
    clock.set('2026-11-30T09:00:00Z');
    const res = await t.api('/api/insights?from=2026-11-01&to=2026-11-30');
    expect(res.status).toBe(200);
    const { metrics } = (await res.json()) as { metrics: Record<string, any> };
    expect(metrics.reviews).toBe(3);
    expect(metrics.reviewers).toBe(2);
    expect(metrics.topReviewers).toEqual([
      { login: 'carol', reviews: 2 },
      { login: 'dave', reviews: 1 },
    ]);
    // Answered: PR 1 after 5 hours, PR 2 after 1 hour; PR 3 waits. Median of 1 and 5 is 3.
    expect(metrics.timeToFirstResponse.all).toMatchObject({ items: 3, answered: 2, medianHours: 3 });
  });
});
