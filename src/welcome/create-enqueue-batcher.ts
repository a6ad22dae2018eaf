import { createBatcher } from '../batcher';
import type { Outbox } from '../outbox/outbox';
import type { OutboxJobInput } from '../outbox/types';

/**
 * Coalesces outbox enqueues that arrive within a few milliseconds into one INSERT. During a join spike Slack sends
 * one team_join per person, and every round trip saved is one the outbox's own claims and updates do not queue
 * behind. Each caller still awaits its own job's insert, so a failure reaches the listener that enqueued it.
 */
export function createEnqueueBatcher(outbox: Pick<Outbox, 'enqueue'>, { maxWaitMs = 5, maxSize = 200 } = {}): (job: OutboxJobInput) => Promise<void> {
  return createBatcher<OutboxJobInput, void>(
    async (jobs) => {
      await outbox.enqueue([...new Map(jobs.map((job) => [job.key, job])).values()]);
      return jobs.map(() => undefined);
    },
    { maxWaitMs, maxSize },
  );
}
