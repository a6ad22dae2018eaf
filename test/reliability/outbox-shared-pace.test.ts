// Finding 8: rate limits below 5/s must be learned too, and the pace must be shared by every replica through the
// database. At Slack's 1/s limit, two replicas (two app instances on one database) sending DMs must see 429s for at
// most 10 % of their calls. Before, each replica fired all its send slots every second and never learned a limit
// below 5/s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const DMS = 30;

describe('reliability › replicas share a pace learned from 429s', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ features: [] });
    b = await startTestApp({ features: [], db: a.db, slack: a.slack, github: a.github });
  });
  afterAll(async () => {
    await b?.stop({ keepDatabase: true });
    await a?.stop();
  });

  it(`delivers ${DMS} DMs from two replicas at a 1/s limit with 429s for at most 10 % of the calls`, { timeout: 120_000 }, async () => {
    a.slack.rateLimit('chat.postMessage', { perSecond: 1 });
    const jobs = Array.from({ length: DMS }, (_, i) => ({
      key: `pace:dm:${i}`,
      target: 'slack' as const,
      method: 'chat.postMessage',
      payload: { channel: `C0PACE${i}`, text: `message ${i}` },
    }));
    // Half enqueued by each replica; both send whatever is due.
    await a.app.ctx.outbox.enqueue(jobs.slice(0, DMS / 2));
    await b.app.ctx.outbox.enqueue(jobs.slice(DMS / 2));
    await Promise.all([a.drain({ includeFuture: true, timeoutMs: 100_000 }), b.drain({ includeFuture: true, timeoutMs: 100_000 })]);

    const calls = a.slack.callsTo('chat.postMessage').length;
    const delivered = [...a.slack.history.values()].reduce((sum, messages) => sum + messages.length, 0);
    const refused = calls - delivered;
    expect(refused).toBeLessThanOrEqual(calls * 0.1);
    expect(delivered).toBe(DMS);
    expect(await a.db.prisma.outboxJob.count({ where: { status: 'done' } })).toBe(DMS);
    // The pace both replicas used, learned from the 429s: just below the limit.
    const pace = await a.db.prisma.outboxPace.findUniqueOrThrow({ where: { target_bucket: { target: 'slack', bucket: '*' } } });
    expect((pace.state as { rate: number }).rate).toBeLessThan(1.05);
  });
});
