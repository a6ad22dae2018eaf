// Finding 3: a Slack or GitHub outage longer than two minutes must not lose queued messages. Jobs retry with
// backoff capped at 5 minutes for a day (PODBOT_OUTBOX_GIVE_UP_HOURS), then are dead-lettered: counted in
// /metrics, listed by GET /api/outbox with their reason, and retryable by POST /api/outbox/:id/retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN, startTestApp, TestClock, type TestApp } from '../support/test-app';

const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

describe('reliability › outbox jobs survive long outages, then are dead-lettered', () => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await startTestApp({ features: [], clock });
  });
  afterAll(() => t?.stop());

  /** Waits until the job has made `attempts` attempts and is waiting again, then moves the clock to its next try. */
  async function failedAttempt(key: string, attempts: number) {
    for (let i = 0; i < 500; i++) {
      const job = await t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key } });
      if (job.attempts === attempts && job.status !== 'sending') return job;
      t.app.ctx.outbox.kick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${key} did not reach attempt ${attempts}`);
  }

  it('delivers a DM once Slack is back after 12 failed attempts, waiting at most 5 minutes between tries', async () => {
    t.slack.failNext('chat.postMessage', 12, { status: 503 });
    await t.app.ctx.outbox.enqueue({ key: 'outage:dm', target: 'slack', method: 'chat.postMessage', payload: { channel: 'C0LONG', text: 'still here' } });
    for (let attempt = 1; attempt <= 12; attempt++) {
      const job = await failedAttempt('outage:dm', attempt);
      expect(job.status).toBe('pending');
      expect(job.nextAttemptAt.getTime() - clock.now().getTime()).toBeLessThanOrEqual(5 * 60_000);
      clock.set(job.nextAttemptAt);
    }
    await t.drain();
    expect(t.slack.history.get('C0LONG')?.map((m) => m.text)).toEqual(['still here']);
  });

  it('dead-letters a job still failing after 24 hours, lists it with its reason, counts it and retries it on request', async () => {
    t.github.failNext('POST /repos/acme/widgets/issues/5/comments', 3, { status: 502 });
    await t.app.ctx.outbox.enqueue({ key: 'outage:comment', target: 'github', method: COMMENT, payload: { owner: 'acme', repo: 'widgets', issue_number: 5, body: 'Welcome!' } });
    await failedAttempt('outage:comment', 1);
    let job;
    clock.advance(23 * 60 * 60_000);
    job = await failedAttempt('outage:comment', 2);
    expect(job.status).toBe('pending');
    clock.advance(61 * 60_000);
    job = await failedAttempt('outage:comment', 3);
    expect(job.status).toBe('dead');

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/^podbot_outbox_dead_letters 1$/m);
    const listed = (await (await t.api('/api/outbox')).json()) as { deadLetters: { id: number; key: string; status: string; reason: string }[] };
    expect(listed.deadLetters).toEqual([expect.objectContaining({ id: job.id, key: 'outage:comment', status: 'dead', reason: expect.stringContaining('gave_up') })]);
    expect((await fetch(`${t.url}/api/outbox/${job.id}/retry`, { method: 'POST' })).status).toBe(401);

    const retried = await fetch(`${t.url}/api/outbox/${job.id}/retry`, { method: 'POST', headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(retried.status).toBe(200);
    await t.drain();
    expect(t.github.commentsOn('acme/widgets', 5)).toHaveLength(1);
    expect(await t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key: 'outage:comment' } })).toMatchObject({ status: 'done' });
    const again = await fetch(`${t.url}/api/outbox/${job.id}/retry`, { method: 'POST', headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(again.status).toBe(404);
  });
});
