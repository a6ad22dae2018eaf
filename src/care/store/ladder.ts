import type { AreaActivity, Suggestion } from '../core/ladder';
import type { Db } from './db';

const at = (date: Date) => date.toISOString();

/** Merged PRs and reviews per person in each pod's area (items mentioned to the pod) since `from`. */
export async function loadAreaActivity(db: Db, input: { from: Date; to: Date; bots: readonly string[] }): Promise<AreaActivity[]> {
  const bots = ['', ...input.bots.map((bot) => bot.toLowerCase())];
  const rows = await db.$queryRaw<{ pod: string; login: string; merged: unknown; reviews: unknown }[]>`
    WITH work AS (
      SELECT pm."podName" AS pod, e."authorLoginLower" AS lower, e."authorLogin" AS login, 1 AS merged, 0 AS reviews
      FROM "LedgerEntry" e JOIN "PodMention" pm ON pm.repo = e.repo AND pm.number = e.number
      WHERE e.kind = 'pr' AND e.merged AND e."mergedAt" >= ${at(input.from)}::timestamp AND e."mergedAt" < ${at(input.to)}::timestamp
      UNION ALL
      SELECT pm."podName", i."responderLoginLower", i."responderLogin", 0, 1
      FROM "ItemResponse" i JOIN "PodMention" pm ON pm.repo = i.repo AND pm.number = i.number
      WHERE i.kind = 'review' AND i."respondedAt" >= ${at(input.from)}::timestamp AND i."respondedAt" < ${at(input.to)}::timestamp
    )
    SELECT pod, min(login) AS login, sum(merged) AS merged, sum(reviews) AS reviews
    FROM work WHERE lower NOT LIKE '%[bot]' AND NOT (lower = ANY(${bots}::text[]))
    GROUP BY pod, lower`;
  return rows.map((row) => ({ pod: row.pod, login: row.login, mergedPrs: Number(row.merged), reviews: Number(row.reviews) }));
}

/** Latest issue, PR, comment or review per login. */
export async function loadLastActive(db: Db, logins: readonly string[]): Promise<Map<string, Date>> {
  if (logins.length === 0) return new Map();
  const rows = await db.$queryRaw<{ login: string; last: Date | null }[]>`
    SELECT l.login, GREATEST(
      (SELECT max(e."openedAt") FROM "LedgerEntry" e WHERE e."authorLoginLower" = l.login),
      (SELECT max(i."respondedAt") FROM "ItemResponse" i WHERE i."responderLoginLower" = l.login)) AS last
    FROM unnest(${logins.map((login) => login.toLowerCase())}::text[]) AS l(login)`;
  return new Map(rows.filter((row) => row.last).map((row) => [row.login, new Date(row.last!)]));
}

/**
 * Stores this month's suggestions (a suggestion seen before keeps its row and what was chosen for it) and returns
 * those to send: open ones, and snoozed ones whose month is up (opened again).
 */
export async function saveSuggestions(db: Db, suggestions: readonly Suggestion[], now: Date): Promise<(Suggestion & { id: number })[]> {
  if (suggestions.length === 0) return [];
  await db.ladderSuggestion.createMany({ data: suggestions.map((s) => ({ ...s, createdAt: now, lastSuggestedAt: now })), skipDuplicates: true });
  await db.ladderSuggestion.updateMany({ where: { status: 'snoozed', snoozedUntil: { lte: now } }, data: { status: 'open', snoozedUntil: null } });
  const rows = await db.ladderSuggestion.findMany({
    where: { OR: suggestions.map((s) => ({ kind: s.kind, podName: s.podName, subject: s.subject })), status: 'open' },
    orderBy: { id: 'asc' },
  });
  const current = new Map(suggestions.map((s) => [`${s.kind}:${s.podName}:${s.subject}`, s]));
  return rows.map((row) => ({ ...current.get(`${row.kind}:${row.podName}:${row.subject}`)!, id: row.id }));
}

/** Remembers what someone chose for a suggestion. Undefined when there is no such suggestion. */
export async function decideSuggestion(db: Db, input: { id: number; choice: 'dismissed' | 'snoozed'; by: string; now: Date; snoozeUntil: Date }) {
  const found = await db.ladderSuggestion.findUnique({ where: { id: input.id } });
  if (!found) return undefined;
  return db.ladderSuggestion.update({
    where: { id: input.id },
    data: { status: input.choice, decidedBy: input.by, decidedAt: input.now, snoozedUntil: input.choice === 'snoozed' ? input.snoozeUntil : null },
  });
}

/** Open suggestions for some pods (the App Home shows them to their advocates). */
export async function openSuggestions(db: Db, pods: readonly string[]) {
  return db.ladderSuggestion.findMany({ where: { podName: { in: [...pods] }, status: 'open' }, orderBy: { id: 'asc' } });
}
