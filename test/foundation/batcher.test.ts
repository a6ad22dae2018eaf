// createBatcher: the coalescing behind event receipts, welcome enqueues and outbox completions.
import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../src/batcher';

describe('createBatcher', () => {
  it('runs items that arrive together as one batch, at most maxSize at a time, and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const double = createBatcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((item) => item * 2);
      },
      { maxWaitMs: 5, maxSize: 4 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => double(n)));
    expect(results).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1, 2, 3, 4], [5, 6]]);
    // A later call starts a new batch.
    expect(await double(7)).toBe(14);
    expect(batches.at(-1)).toEqual([7]);
  });

  it('rejects every caller of a failed batch, and later batches run normally', async () => {
    let fail = true;
    const run = createBatcher<string, string>(
      async (items) => {
        if (fail) throw new Error('database is down');
        return items.map((item) => item.toUpperCase());
      },
      { maxWaitMs: 1, maxSize: 10 },
    );
    const failed = await Promise.allSettled([run('a'), run('b')]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await Promise.all([run('c'), run('d')])).toEqual(['C', 'D']);
  });
});
