// One replica's own deliveries must not race each other for the shared pace row. Before, every delivery that
// finished wrote the pace over the version it had cached: with 40 finishing at once, all but one lost, read the
// row again and retried, so 40 outcomes cost hundreds of statements, and after 20 lost races an outcome was
// dropped ("outbox pace slack/*: too much contention"), which at 200 /join-pod a second happened dozens of
// times. Now a replica applies its concurrent changes to one bucket in turn, and writes them together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaceStore } from '../../src/outbox/pace-store';
import { initialPace, type PaceState } from '../../src/outbox/pace';
import { freshDatabase, type TestDatabase } from '../support/database';

describe('reliability › concurrent pace changes within one replica', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applies 40 concurrent changes to one bucket, each exactly once, in far fewer writes than changes', async () => {
    const store = new PaceStore(db.prisma);
    const now = Date.now();
    await store.read('slack', '*', now);
    const before = await db.prisma.outboxPace.findUniqueOrThrow({ where: { target_bucket: { target: 'slack', bucket: '*' } } });
    const count = (state: PaceState) => ({ ...state, windowSent: state.windowSent + 1 });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.update('slack', '*', now, (state) => ({ state: count(state), result: i }))),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const after = await db.prisma.outboxPace.findUniqueOrThrow({ where: { target_bucket: { target: 'slack', bucket: '*' } } });
    expect((after.state as unknown as PaceState).windowSent).toBe(initialPace(now).windowSent + 40);
    // Each write raises the version by one.
    expect(after.version - before.version).toBeLessThanOrEqual(5);
  });

  it('still recomputes over a change another replica wrote in between, and loses no change of its own', async () => {
    const mine = new PaceStore(db.prisma);
    const other = new PaceStore(db.prisma);
    const now = Date.now();
    await mine.update('github', '*', now, (state) => ({ state: { ...state, windowSent: 0 }, result: undefined }));
    // The other replica writes after this one cached the row: this one's next write loses once and must recompute.
    await other.update('github', '*', now, (state) => ({ state: { ...state, windowSent: state.windowSent + 100 }, result: undefined }));
    await Promise.all(Array.from({ length: 10 }, () => mine.update('github', '*', now, (state) => ({ state: { ...state, windowSent: state.windowSent + 1 }, result: undefined }))));
    const row = await db.prisma.outboxPace.findUniqueOrThrow({ where: { target_bucket: { target: 'github', bucket: '*' } } });
    expect((row.state as unknown as PaceState).windowSent).toBe(110);
  });
});
