import type { PrismaClient } from '../../generated/prisma/client';
import type { Outbox } from '../../outbox/outbox';
import type { OutboxJobInput } from '../../outbox/types';
import type { Joiner } from '../core/join/render-advocate-handoff';
import { asLevel } from './contributors';
import { keepJoin } from './read-pod-views';

export interface JoinPodRequest {
  podName: string;
  contributorId: number;
  now: Date;
  maxPodsPerContributor: number;
  /** Confirmed switch: leave this pod in the same transaction, so the person is never in neither or both. */
  leaveFrom?: string;
  /** Who asked, for the activity log (the joiner, or an admin). */
  actor: string;
  /**
   * The joiner as the pod views show a member, from their Contributor row as read before the join. If the row
   * still says the same under the join's lock, the member is added to the views this process keeps (keepJoin).
   */
  joiner: Joiner;
  /** Messages to send once the join is committed; enqueued in the same transaction so none are lost or doubled. */
  notify(joined: { membershipId: number; memberCount: number }): OutboxJobInput[];
}

export type JoinPodOutcome =
  | { kind: 'joined'; membershipId: number; memberCount: number; left?: string }
  | { kind: 'not-found' }
  | { kind: 'archived' }
  | { kind: 'already-member' }
  | { kind: 'full'; memberCount: number; capacity: number }
  | { kind: 'needs-switch'; leave: string };

/**
 * Adds a membership without ever exceeding capacity or the per-person pod limit.
 *
 * Under READ COMMITTED (PostgreSQL's default) two transactions can both count 8/9 and both insert, so
 * counting is not enough: the pod row is locked with `SELECT … FOR UPDATE` first, which makes joins into
 * one pod take turns, and each turn's count is a fresh snapshot that sees the previous turn's insert.
 * The contributor row is locked too (always before the pod, so two transactions cannot deadlock), so one
 * person's concurrent joins into different pods cannot both pass the per-person limit.
 * https://www.postgresql.org/docs/current/transaction-iso.html#XACT-READ-COMMITTED
 *
 * The checks and writes are the database function `pods_join` (prisma/migrations/*_pods_join): one round trip
 * while the locks are held, instead of one per statement. The notifications are enqueued in the same transaction,
 * so they exist exactly when the membership does. Once committed, the join is handed to the pod views this process
 * keeps (keepJoin), with the versions `pods_join` read and made, so the next command need not load them again.
 */
export async function joinPod(db: PrismaClient, outbox: Outbox, request: JoinPodRequest): Promise<JoinPodOutcome> {
  const result = await db.$transaction(
    async (tx) => {
      const [{ outcome }] = await tx.$queryRaw<{ outcome: StoredOutcome }[]>`
        SELECT "pods_join"(${request.contributorId}::int, ${request.podName}::text, ${request.now}::timestamp,
                           ${request.maxPodsPerContributor}::int, ${request.leaveFrom ?? null}::text, ${request.actor}::text) AS outcome`;
      if (outcome.kind === 'joined') await outbox.enqueue(request.notify(outcome), tx);
      return outcome;
    },
    // Joins into one busy pod queue on its row lock; give the queue room before Prisma gives up.
    { maxWait: 10_000, timeout: 15_000 },
  );
  if (result.kind !== 'joined') return result;
  const { views, joiner, ...joined } = result;
  if (views && sameJoiner(request.joiner, joiner)) {
    keepJoin(db, {
      from: BigInt(views.from),
      to: BigInt(views.to),
      pod: request.podName,
      ...(joined.left ? { left: joined.left } : {}),
      member: { ...request.joiner, joinedAt: request.now },
    });
  }
  return joined;
}

/** What `pods_join` returns: the outcome, and for a join the views' versions and the joiner's row as locked. */
type StoredOutcome =
  | Exclude<JoinPodOutcome, { kind: 'joined' }>
  | (Extract<JoinPodOutcome, { kind: 'joined' }> & {
      views?: { from: number; to: number };
      joiner: { githubLogin: string | null; level: string };
    });

/**
 * Whether the member the caller would add is the one a reload would show. A GitHub login linked (or a level
 * declared) since the caller read the row would be missed, so then the views are reloaded instead. A linked
 * member's level comes from the ledger, which the caller read the same way loadPodViews does.
 */
function sameJoiner(expected: JoinPodRequest['joiner'], locked: { githubLogin: string | null; level: string }): boolean {
  if ((expected.githubLogin ?? null) !== locked.githubLogin) return false;
  return locked.githubLogin !== null || asLevel(locked.level) === expected.level;
}
