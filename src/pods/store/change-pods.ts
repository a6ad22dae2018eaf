import type { PrismaClient } from '../../generated/prisma/client';
import type { Outbox } from '../../outbox/outbox';
import type { OutboxJobInput } from '../../outbox/types';
import type { Db } from './db';

/**
 * Ends a person's open membership of a pod (`/pod leave`, `/pod remove`). The row stays with `leftAt`
 * set, so the pod's history keeps who was in it and when. Returns the membership id, or undefined if
 * they were not a member (nothing changes).
 */
export async function endMembership(
  db: PrismaClient,
  outbox: Outbox,
  request: {
    podName: string;
    slackUserId: string;
    reason: 'left' | 'removed';
    actor: string;
    now: Date;
    notify?: (membershipId: number) => OutboxJobInput[];
  },
): Promise<number | undefined> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { leftAt: null, pod: { name: request.podName }, contributor: { slackUserId: request.slackUserId } },
      select: { id: true, podId: true },
    });
    if (!membership) return undefined;
    // Conditional on leftAt still being null, so two concurrent leaves record one event.
    const { count } = await tx.membership.updateMany({
      where: { id: membership.id, leftAt: null },
      data: { leftAt: request.now, leftReason: request.reason },
    });
    if (count === 0) return undefined;
    await tx.podEvent.create({
      data: { podId: membership.podId, kind: request.reason, actor: request.actor, createdAt: request.now, detail: { membershipId: membership.id, slackId: request.slackUserId } },
    });
    if (request.notify) await outbox.enqueue(request.notify(membership.id), tx);
    return membership.id;
  });
}

export interface NewPod {
  name: string;
  displayName: string;
  area: string;
  labels?: string[];
  paths?: string[];
  capacity: number;
  channel?: string;
  advocates: string[];
  source: 'config' | 'command';
}

/** Creates a pod with its advocates. Returns false when the name is taken (live or archived): names are never reused, so history stays unambiguous. */
export async function createPod(db: PrismaClient, pod: NewPod, now: Date, actor: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.pod.createMany({
      data: [
        {
          name: pod.name,
          displayName: pod.displayName,
          area: pod.area,
          labels: pod.labels ?? [],
          paths: pod.paths ?? [],
          capacity: pod.capacity,
          channel: pod.channel ?? null,
          source: pod.source,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    const { id } = await tx.pod.findUniqueOrThrow({ where: { name: pod.name }, select: { id: true } });
    await tx.podAdvocate.createMany({ data: pod.advocates.map((slackUserId) => ({ podId: id, slackUserId, source: pod.source, createdAt: now })) });
    await tx.podEvent.create({ data: { podId: id, kind: 'created', actor, createdAt: now, detail: { source: pod.source } } });
    return true;
  });
}

/**
 * Archives a pod: it takes no one new and stops matching issues, but keeps its memberships and
 * events. Members are told by DM (through the outbox), so nobody finds out by accident.
 * Returns false when there is no live pod of that name.
 */
export async function archivePod(
  db: PrismaClient,
  outbox: Outbox,
  request: { podName: string; now: Date; actor: string; notify: (podId: number, memberSlackIds: string[]) => OutboxJobInput[] },
): Promise<boolean> {
  return db.$transaction(async (tx) => archivePodIn(tx, outbox, request));
}

export async function archivePodIn(
  tx: Db,
  outbox: Outbox,
  request: { podName: string; now: Date; actor: string; notify: (podId: number, memberSlackIds: string[]) => OutboxJobInput[] },
): Promise<boolean> {
  const pod = await tx.pod.findUnique({ where: { name: request.podName }, select: { id: true, archived: true } });
  if (!pod || pod.archived) return false;
  const { count } = await tx.pod.updateMany({ where: { id: pod.id, archived: false }, data: { archived: true, archivedAt: request.now } });
  if (count === 0) return false;
  const members = await tx.membership.findMany({ where: { podId: pod.id, leftAt: null }, select: { contributor: { select: { slackUserId: true } } } });
  await tx.podEvent.create({ data: { podId: pod.id, kind: 'archived', actor: request.actor, createdAt: request.now } });
  await outbox.enqueue(
    request.notify(
      pod.id,
      members.map((member) => member.contributor.slackUserId),
    ),
    tx as never,
  );
  return true;
}

/** Makes someone an advocate of a pod (`/pod advocate`). Returns false if they already were. */
export async function addAdvocate(db: PrismaClient, request: { podId: number; slackUserId: string; actor: string; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.podAdvocate.createMany({
      data: [{ podId: request.podId, slackUserId: request.slackUserId, source: 'command', createdAt: request.now }],
      skipDuplicates: true,
    });
    if (count > 0) {
      await tx.podEvent.create({ data: { podId: request.podId, kind: 'advocate-added', actor: request.actor, createdAt: request.now, detail: { slackId: request.slackUserId } } });
    }
    return count > 0;
  });
}

/** Recent events of some pods, newest first, for advocates' App Home. */
export async function loadPodEvents(db: Db, podIds: readonly number[], since: Date, limit = 50) {
  if (podIds.length === 0) return [];
  return db.podEvent.findMany({
    where: { podId: { in: [...podIds] }, createdAt: { gte: since } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { podId: true, kind: true, actor: true, detail: true, createdAt: true },
  });
}
