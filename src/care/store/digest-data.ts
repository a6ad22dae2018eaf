import type { DigestItem } from '../core/render-digest';
import type { Db } from './db';

const DAY_MS = 86_400_000;
/** Open PRs older than this are not "awaiting review" but stale; the ledger does not know closed PRs. */
const AWAITING_LOOKBACK_DAYS = 90;

/** `date` as the UTC timestamp Prisma stores. */
const at = (date: Date) => date.toISOString();

/** What a pod's digest lists for the week `[from, to)`, read in a few statements. */
export async function loadDigestData(db: Db, input: { podId: number; pod: string; from: Date; to: Date; bots: readonly string[] }) {
  const newMembers = await db.membership.findMany({
    where: { podId: input.podId, leftAt: null, joinedAt: { gte: input.from, lt: input.to } },
    orderBy: { joinedAt: 'asc' },
    select: { contributor: { select: { slackUserId: true } } },
  });
  const firstTimers = await db.podEvent.findMany({
    where: { podId: input.podId, kind: 'first-timer', createdAt: { gte: input.from, lt: input.to } },
    orderBy: { createdAt: 'asc' },
    select: { actor: true },
  });
  const bots = ['', ...input.bots.map((bot) => bot.toLowerCase())];
  const awaiting = await db.$queryRaw<{ repo: string; number: number; author: string; openedAt: Date }[]>`
    SELECT e.repo, e.number, e."authorLogin" AS author, e."openedAt"
    FROM "LedgerEntry" e
    WHERE e.kind = 'pr' AND NOT e.merged AND e."closedAt" IS NULL AND e."openedAt" < ${at(input.to)}::timestamp
      AND e."openedAt" >= ${at(new Date(input.to.getTime() - AWAITING_LOOKBACK_DAYS * DAY_MS))}::timestamp
      AND EXISTS (SELECT 1 FROM "PodMention" pm WHERE pm.repo = e.repo AND pm.number = e.number AND pm."podName" = ${input.pod})
      AND NOT EXISTS (
        SELECT 1 FROM "ItemResponse" i
        WHERE i.repo = e.repo AND i.number = e.number AND i.kind = 'review' AND i."responderLoginLower" <> e."authorLoginLower"
          AND i."responderLoginLower" NOT LIKE '%[bot]' AND NOT (i."responderLoginLower" = ANY(${bots}::text[])))
    ORDER BY e."openedAt", e.id`;
  const merged = await db.$queryRaw<{ repo: string; number: number; author: string }[]>`
    SELECT e.repo, e.number, e."authorLogin" AS author
    FROM "LedgerEntry" e
    WHERE e.kind = 'pr' AND e.merged AND e."mergedAt" >= ${at(input.from)}::timestamp AND e."mergedAt" < ${at(input.to)}::timestamp
      AND EXISTS (SELECT 1 FROM "PodMention" pm WHERE pm.repo = e.repo AND pm.number = e.number AND pm."podName" = ${input.pod})
    ORDER BY e."mergedAt", e.id`;
  const days = (openedAt: Date) => Math.floor((input.to.getTime() - new Date(openedAt).getTime()) / DAY_MS);
  return {
    newMembers: newMembers.map((row) => row.contributor.slackUserId),
    newContributors: [...new Set(firstTimers.map((row) => row.actor).filter((actor): actor is string => Boolean(actor)))],
    awaitingReview: awaiting.map((row): DigestItem => ({ repo: row.repo, number: row.number, kind: 'pr', author: row.author, ageDays: days(row.openedAt) })),
    mergedLastWeek: merged.map((row): DigestItem => ({ repo: row.repo, number: row.number, kind: 'pr', author: row.author })),
  };
}

/**
 * Claims a scheduled send once across restarts and replicas: the insert that creates the row wins; a concurrent
 * insert of the same key waits for it and then finds the row.
 */
export async function claimSend(db: Db, key: string, status: 'sent' | 'empty', now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "CareClaim" (key, status, "claimedAt") VALUES (${key}, ${status}, ${at(now)}::timestamp)
    ON CONFLICT (key) DO NOTHING RETURNING key`;
  return rows.length > 0;
}
