import type { Db } from './db';

/** Pods already mentioned on an issue or PR. */
export async function mentionedPods(db: Db, repo: string, number: number): Promise<string[]> {
  const rows = await db.podMention.findMany({ where: { repo, number }, select: { podName: true } });
  return rows.map((row) => row.podName);
}

export interface MentionClaim {
  repo: string;
  number: number;
  podNames: readonly string[];
  now: Date;
  event: { kind: 'issue' | 'pr'; title: string; url?: string; author: string };
}

/**
 * Claims pods for a mention on one issue or PR, inside the caller's transaction, and notes the mention in each
 * claimed pod's activity. Returns the pods this call claimed.
 *
 * `INSERT … ON CONFLICT DO NOTHING RETURNING` tells which pods this call claimed: when two deliveries
 * of one event run at once, each pod goes to exactly one of them, so a comment only ever names pods
 * nobody mentioned before. If the caller's transaction fails, the claims go with it, so a redelivery
 * starts over cleanly.
 */
export async function claimPodMentionsIn(tx: Db, request: MentionClaim): Promise<string[]> {
  const claimed: string[] = [];
  for (const podName of request.podNames) {
    const rows = await tx.$queryRaw<{ podName: string }[]>`
      INSERT INTO "PodMention" (repo, number, "podName", "createdAt")
      VALUES (${request.repo}, ${request.number}, ${podName}, ${request.now})
      ON CONFLICT (repo, number, "podName") DO NOTHING
      RETURNING "podName"`;
    if (rows.length > 0) claimed.push(podName);
  }
  if (claimed.length === 0) return claimed;
  const pods = await tx.pod.findMany({ where: { name: { in: claimed } }, select: { id: true } });
  await tx.podEvent.createMany({
    data: pods.map((pod) => ({
      podId: pod.id,
      kind: 'mention',
      actor: request.event.author,
      createdAt: request.now,
      detail: { repo: request.repo, number: request.number, ...request.event },
    })),
  });
  return claimed;
}
