import type { PrismaClient } from '../generated/prisma/client';
import type { Clock } from './types';

/** Statuses of jobs the outbox gave up on: `failed` (the platform refused it) and `dead` (an outage outlasted the give-up time). */
export const DEAD_LETTER_STATUSES = ['failed', 'dead'] as const;

export interface DeadLetter {
  id: number;
  key: string;
  target: string;
  method: string;
  status: string;
  attempts: number;
  reason: string | null;
  createdAt: string;
  gaveUpAt: string;
}

type Db = Pick<PrismaClient, 'outboxJob'>;

/** Jobs the outbox gave up on, newest first, with the reason it gave up. For the admin command, /api/outbox and CLIs. */
export async function listDeadLetters(db: Db, { limit = 50 }: { limit?: number } = {}): Promise<DeadLetter[]> {
  const jobs = await db.outboxJob.findMany({
    where: { status: { in: [...DEAD_LETTER_STATUSES] } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: Math.max(1, Math.min(limit, 500)),
    select: { id: true, key: true, target: true, method: true, status: true, attempts: true, lastError: true, createdAt: true, updatedAt: true },
  });
  return jobs.map((job) => ({
    id: job.id,
    key: job.key,
    target: job.target,
    method: job.method,
    status: job.status,
    attempts: job.attempts,
    reason: job.lastError,
    createdAt: job.createdAt.toISOString(),
    gaveUpAt: job.updatedAt.toISOString(),
  }));
}

/** How many jobs are dead-lettered (for /metrics). */
export async function countDeadLetters(db: Db): Promise<number> {
  return db.outboxJob.count({ where: { status: { in: [...DEAD_LETTER_STATUSES] } } });
}

/**
 * Puts a dead-lettered job back in the queue, due now, with a fresh give-up time. Returns false when no dead letter
 * has that id (it was never dead, or was already retried): retrying twice is harmless. Its next attempt is in
 * doubt (attempts > 1), so it is looked up before it is sent again.
 */
export async function retryDeadLetter(db: Db, clock: Clock, id: number): Promise<boolean> {
  const now = clock.now();
  const { count } = await db.outboxJob.updateMany({
    where: { id, status: { in: [...DEAD_LETTER_STATUSES] } },
    data: { status: 'pending', nextAttemptAt: now, firstFailedAt: null, lockedUntil: null, updatedAt: now },
  });
  return count === 1;
}
