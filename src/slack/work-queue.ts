import { setImmediate as yieldToIo } from 'node:timers/promises';

/**
 * Runs command work (the part of a command or action that follows its ack) a few at a time, first come first
 * served, and lets the event loop handle I/O between jobs.
 *
 * Why: the embedded database runs on the event loop, and so does the ORM's query engine. Started all
 * at once, a burst of commands keeps the loop busy with database work for seconds, and new requests
 * are not even read, so their acks miss Slack's 3-second limit. Queued, a new request waits at most
 * for the jobs in progress before it is acknowledged; only the answers (sent through response_url)
 * wait for the queue.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      await yieldToIo();
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/**
 * How many command jobs run at once. The embedded database runs one statement at a time anyway, so one
 * job at a time there. On a PostgreSQL server two jobs at a time keep it busy while each waits on a
 * round trip; more buys no throughput (the CPU time is ours: drivers, ORM, HTTP), it only lengthens the
 * run of callbacks the event loop works through before it reads the next request, which is what the
 * ack waits for. bench/join-pod at 200/s on Postgres: ack p99 15–28 ms with 2, 33–40 ms with 6.
 */
export function workQueueConcurrency(dbKind: 'embedded' | 'postgres'): number {
  return dbKind === 'embedded' ? 1 : 2;
}
