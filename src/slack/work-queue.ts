import { setImmediate as yieldToIo } from 'node:timers/promises';

/**
 * Runs command work (the part of a command or action that follows its ack) a few at a time, first come first
 * served, and lets the event loop handle I/O between jobs.
 *
 * Why: started all at once, a burst of commands keeps the app's event loop busy with database and ORM work
 * for seconds, and every other request (an event, a webhook, a probe) waits behind it. Queued, a request
 * waits at most for the jobs in progress; only the answers (sent through response_url) wait for the queue.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly quietWaiters = new Set<() => void>();

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
      if (this.running === 0) for (const done of [...this.quietWaiters]) done();
    }
  }

  /**
   * Resolves once no command job is running or waiting, or after `maxWaitMs`, whichever comes first. Background
   * work that nobody is waiting on (the outbox's sends) goes in the gaps between commands, and still goes at least
   * every `maxWaitMs` under a load that leaves no gap.
   */
  quiet(maxWaitMs: number): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.quietWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      timer.unref();
      this.quietWaiters.add(done);
    });
  }
}

/**
 * How many command jobs run at once. The embedded database runs one statement, and one transaction, at a time
 * anyway: two jobs let one job's own work (ORM, rendering, HTTP) overlap the other's statements, more only queue in
 * front of the database. On a PostgreSQL server jobs run in parallel, waiting on round trips: at 200 /join-pod a
 * second (bench/join-pod) 2 at a time fell behind by seconds (answers p50 4.9 s), 8 kept up (p50 1.5 s).
 *
 * Acks do not wait for these jobs: in production the front door acknowledges commands on another thread
 * (src/front/). Run without it (from the sources, in tests), a longer run of callbacks delays the ack too.
 */
export function workQueueConcurrency(dbKind: 'embedded' | 'postgres'): number {
  return dbKind === 'embedded' ? 2 : 8;
}
