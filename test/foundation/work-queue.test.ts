// The command work queue: a few jobs at a time, first come first served, and `quiet`, which background work (the
// outbox) awaits so that it goes in the gaps between commands.
import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../src/slack/work-queue';

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('WorkQueue', () => {
  it('runs at most `concurrency` jobs at once, in the order they came', async () => {
    const queue = new WorkQueue(2);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const jobs = gates.map((g, i) => queue.run(async () => (started.push(i), await g.promise, i)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([0, 1]);
    gates[1].open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2]);
  });

  it('is quiet at once when nothing runs, and once the last running or waiting job is done', async () => {
    const queue = new WorkQueue(1);
    let quiet = false;
    await queue.quiet(60_000).then(() => (quiet = true));
    expect(quiet).toBe(true);

    const [first, second] = [gate(), gate()];
    const jobs = [queue.run(() => first.promise), queue.run(() => second.promise)];
    quiet = false;
    const waited = queue.quiet(60_000).then(() => (quiet = true));
    first.open();
    await jobs[0];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(quiet).toBe(false); // the second job was waiting, and now runs
    second.open();
    await Promise.all([...jobs, waited]);
    expect(quiet).toBe(true);
  });

  it('stops waiting for quiet after maxWaitMs when the jobs go on', async () => {
    const queue = new WorkQueue(1);
    const busy = gate();
    const job = queue.run(() => busy.promise);
    let quiet = false;
    const waited = queue.quiet(50).then(() => (quiet = true));
    await waited;
    expect(quiet).toBe(true);
    busy.open();
    await job;
  });
});
