import type { Outbox } from '../outbox/outbox';
import type { OutboxJobInput } from '../outbox/types';

/**
 * Coalesces outbox enqueues that arrive within a few milliseconds into one INSERT. During a join spike Slack sends
 * one team_join per person, and every round trip saved is one the outbox's own claims and updates do not queue
 * behind. Each caller still awaits its own job's insert, so a failure reaches the listener that enqueued it.
 */
export function createEnqueueBatcher(outbox: Pick<Outbox, 'enqueue'>, { maxWaitMs = 5, maxSize = 200 } = {}) {
  let pending: { job: OutboxJobInput; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    const batch = pending;
    pending = [];
    if (timer) clearTimeout(timer);
    timer = undefined;
    const unique = [...new Map(batch.map(({ job }) => [job.key, job])).values()];
    outbox.enqueue(unique).then(
      () => batch.forEach((entry) => entry.resolve()),
      (error) => batch.forEach((entry) => entry.reject(error)),
    );
  }

  return function enqueue(job: OutboxJobInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      pending.push({ job, resolve, reject });
      if (pending.length >= maxSize) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });
  };
}
