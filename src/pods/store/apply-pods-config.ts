import type { PrismaClient } from '../../generated/prisma/client';
import type { Outbox } from '../../outbox/outbox';
import type { OutboxJobInput } from '../../outbox/types';
import { applyConfigPlan, type ConfigPlan } from '../core/apply-config-plan';
import type { PodConfig } from '../config';
import { archivePodIn } from './change-pods';
import { loadPodViews } from './load-pod-views';

/**
 * Brings the pods table in line with podbot.yml's `pods:` (see applyConfigPlan for who owns what):
 * creates new pods, updates changed ones, unarchives pods that are back, and archives pods that left
 * config (never deletes them). One transaction, so a crash leaves the old state or the new one.
 * Returns the plan that was applied, for the start-up log.
 */
export async function applyPodsConfig(
  db: PrismaClient,
  outbox: Outbox,
  request: { pods: readonly PodConfig[]; now: Date; notifyArchived: (pod: { id: number; name: string; displayName: string }, memberSlackIds: string[]) => OutboxJobInput[] },
): Promise<ConfigPlan> {
  return db.$transaction(
    async (tx) => {
      // Replicas starting together each apply podbot.yml. Without a lock both read "no pods", both insert, and one
      // fails on the unique pod name. A transaction-scoped advisory lock makes them take turns; under READ COMMITTED
      // the second one's read, after the lock, sees the first one's pods, so its plan is empty. Released at commit.
      // https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('podbot:apply-pods-config'))`;
      const stored = await loadPodViews(tx);
      const plan = applyConfigPlan(request.pods, stored);
      const ids = new Map(stored.map((pod) => [pod.name, pod.id]));
      const displayNames = new Map(stored.map((pod) => [pod.name, pod.displayName]));
      const { now } = request;

      for (const pod of plan.create) {
        const created = await tx.pod.create({
          data: {
            name: pod.name,
            displayName: pod.displayName,
            area: pod.area,
            labels: pod.labels,
            paths: pod.paths,
            capacity: pod.capacity,
            channel: pod.channel ?? null,
            source: 'config',
            createdAt: now,
            advocates: { create: pod.advocates.map((slackUserId) => ({ slackUserId, source: 'config', createdAt: now })) },
          },
          select: { id: true },
        });
        await tx.podEvent.create({ data: { podId: created.id, kind: 'created', actor: 'podbot.yml', createdAt: now, detail: { source: 'config' } } });
      }

      for (const name of plan.unarchive) {
        await tx.pod.update({ where: { name }, data: { archived: false, archivedAt: null } });
        await tx.podEvent.create({ data: { podId: ids.get(name)!, kind: 'unarchived', actor: 'podbot.yml', createdAt: now } });
      }

      for (const update of plan.update) {
        const podId = ids.get(update.name)!;
        const { config } = update;
        // Listing a pod in podbot.yml hands it to config, even one first made with /pod create.
        await tx.pod.update({
          where: { id: podId },
          data: {
            displayName: config.displayName,
            area: config.area,
            labels: config.labels,
            paths: config.paths,
            capacity: config.capacity,
            channel: config.channel ?? null,
            source: 'config',
          },
        });
        if (update.removeAdvocates.length > 0) {
          await tx.podAdvocate.deleteMany({ where: { podId, slackUserId: { in: update.removeAdvocates }, source: 'config' } });
        }
        if (update.addAdvocates.length > 0) {
          await tx.podAdvocate.createMany({
            data: update.addAdvocates.map((slackUserId) => ({ podId, slackUserId, source: 'config', createdAt: now })),
            skipDuplicates: true,
          });
        }
        if (update.changes.length > 0 || update.addAdvocates.length > 0 || update.removeAdvocates.length > 0) {
          await tx.podEvent.create({
            data: {
              podId,
              kind: 'updated',
              actor: 'podbot.yml',
              createdAt: now,
              detail: JSON.parse(JSON.stringify({ changes: update.changes, addAdvocates: update.addAdvocates, removeAdvocates: update.removeAdvocates })),
            },
          });
        }
      }

      for (const name of plan.archive) {
        await archivePodIn(tx, outbox, {
          podName: name,
          now,
          actor: 'podbot.yml',
          notify: (podId, members) => request.notifyArchived({ id: podId, name, displayName: displayNames.get(name) ?? name }, members),
        });
      }
      return plan;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
