import type { PrismaClient } from '../../generated/prisma/client';
import type { Outbox } from '../../outbox/outbox';
import type { OutboxJobInput } from '../../outbox/types';

export interface JoinPodRequest {
  podName: string;
  contributorId: number;
  now: Date;
  maxPodsPerContributor: number;
  /** Confirmed switch: leave this pod in the same transaction, so the person is never in neither or both. */
  leaveFrom?: string;
  /** Who asked, for the activity log (the joiner, or an admin). */
  actor: string;
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
 */
export async function joinPod(db: PrismaClient, outbox: Outbox, request: JoinPodRequest): Promise<JoinPodOutcome> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Contributor" WHERE id = ${request.contributorId} FOR UPDATE`;
      const [pod] = await tx.$queryRaw<{ id: number; capacity: number; archived: boolean }[]>`
        SELECT id, capacity, archived FROM "Pod" WHERE name = ${request.podName} FOR UPDATE`;
      if (pod === undefined) return { kind: 'not-found' };
      if (pod.archived) return { kind: 'archived' };

      const open = await tx.$queryRaw<{ contributorId: number }[]>`
        SELECT "contributorId" FROM "Membership" WHERE "podId" = ${pod.id} AND "leftAt" IS NULL`;
      if (open.some((membership) => membership.contributorId === request.contributorId)) return { kind: 'already-member' };
      if (open.length >= pod.capacity) return { kind: 'full', memberCount: open.length, capacity: pod.capacity };

      // Checked before any write: returning from the callback commits, and a refusal must change nothing.
      const mine = await tx.$queryRaw<{ id: number; podId: number; podName: string }[]>`
        SELECT m.id, m."podId", p.name AS "podName" FROM "Membership" m JOIN "Pod" p ON p.id = m."podId"
        WHERE m."contributorId" = ${request.contributorId} AND m."leftAt" IS NULL AND p.archived = false
        ORDER BY m."joinedAt", m.id`;
      const left = request.leaveFrom === undefined ? undefined : mine.find((membership) => membership.podName === request.leaveFrom);
      if (mine.length - (left ? 1 : 0) >= request.maxPodsPerContributor) {
        return { kind: 'needs-switch', leave: mine.find((membership) => membership !== left)!.podName };
      }
      if (left) await tx.$executeRaw`UPDATE "Membership" SET "leftAt" = ${request.now}, "leftReason" = 'switched' WHERE id = ${left.id}`;

      const [membership] = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO "Membership" ("podId", "contributorId", "joinedAt") VALUES (${pod.id}, ${request.contributorId}, ${request.now})
        RETURNING id`;
      await tx.$executeRaw`
        INSERT INTO "PodEvent" ("podId", kind, actor, detail, "createdAt")
        VALUES (${pod.id}, 'joined', ${request.actor}, ${JSON.stringify({ membershipId: membership.id })}::jsonb, ${request.now})`;
      if (left) {
        await tx.$executeRaw`
          INSERT INTO "PodEvent" ("podId", kind, actor, detail, "createdAt")
          VALUES (${left.podId}, 'left', ${request.actor}, ${JSON.stringify({ membershipId: left.id, reason: 'switched', to: request.podName })}::jsonb, ${request.now})`;
      }

      const memberCount = open.length + 1;
      await outbox.enqueue(request.notify({ membershipId: membership.id, memberCount }), tx);
      return { kind: 'joined', membershipId: membership.id, memberCount, ...(left ? { left: request.leaveFrom } : {}) };
    },
    // Joins into one busy pod queue on its row lock; give the queue room before Prisma gives up.
    { maxWait: 10_000, timeout: 15_000 },
  );
}
