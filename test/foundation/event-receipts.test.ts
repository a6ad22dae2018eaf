// The Slack event-id recorder behind the dedupe middleware: batched inserts that still tell each caller whether
// it holds the first delivery of its event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventReceiptRecorder } from '../../src/slack/event-receipts';
import { freshDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db?.destroy());

describe('event receipts', () => {
  it('coalesces concurrent ids into few statements; the first delivery of each id wins, repeats lose (same batch or later)', async () => {
    const statements: string[] = [];
    const counting = {
      $queryRaw: ((...args: Parameters<typeof db.prisma.$queryRaw>) => {
        statements.push('insert');
        return db.prisma.$queryRaw(...args);
      }) as typeof db.prisma.$queryRaw,
    };
    const record = createEventReceiptRecorder(counting, { maxWaitMs: 5, maxSize: 50 });
    // Ev0–Ev19 twice, in different batches (on a server, batches can run at once on different connections).
    const ids = Array.from({ length: 120 }, (_, i) => `Ev${i % 100}`);
    const results = await Promise.all(ids.map((id) => record(id, 'team_join')));
    for (let i = 0; i < 100; i++) {
      const wins = ids.flatMap((id, at) => (id === `Ev${i}` && results[at] ? [at] : []));
      expect(wins, `Ev${i}`).toHaveLength(1);
    }
    expect(statements.length).toBeLessThanOrEqual(3); // 120 ids at most 50 per statement

    // Repeats inside one batch: the first caller wins.
    expect(await Promise.all([record('EvSAME', 'team_join'), record('EvSAME', 'team_join'), record('EvSAME', 'team_join')])).toEqual([true, false, false]);
    expect(await db.prisma.slackEventReceipt.count()).toBe(101);

    // Later deliveries of recorded ids are repeats; a new id still wins.
    expect(await Promise.all([record('Ev5', 'team_join'), record('EvNEW', 'message'), record('EvNEW', 'message')])).toEqual([false, true, false]);
    expect(await db.prisma.slackEventReceipt.findUnique({ where: { eventId: 'EvNEW' } })).toMatchObject({ type: 'message' });
  });

  it('a failed insert rejects every caller of its batch, so no event counts as recorded', async () => {
    const failing = { $queryRaw: (() => Promise.reject(new Error('database is down'))) as unknown as typeof db.prisma.$queryRaw };
    const record = createEventReceiptRecorder(failing);
    const results = await Promise.allSettled([record('EvX1', 'team_join'), record('EvX2', 'team_join')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await db.prisma.slackEventReceipt.count({ where: { eventId: { in: ['EvX1', 'EvX2'] } } })).toBe(0);
  });
});
