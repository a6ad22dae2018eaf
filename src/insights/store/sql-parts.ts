import { Prisma } from '../../generated/prisma/client';
import type { Period } from '../core/period';

/** Timestamps are stored as UTC without a zone (as Prisma writes them); an ISO string cast to `timestamp` keeps the UTC value. */
export function at(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString()}::timestamp`;
}

/** `column` lies in the period. */
export function within(column: Prisma.Sql, period: Period): Prisma.Sql {
  return Prisma.sql`${column} >= ${at(period.from)} AND ${column} < ${at(period.to)}`;
}

/** Lower-case logins of configured bots, without `[bot]` (logins ending in `[bot]` are always bots). */
export function botNames(bots: readonly string[]): string[] {
  return ['', ...bots.map((bot) => bot.trim().toLowerCase().replace(/\[bot\]$/, ''))];
}

/** A lower-cased login column is a person's, not a bot's (the SQL twin of kit/contributors isBot). */
export function isHuman(column: Prisma.Sql, bots: readonly string[]): Prisma.Sql {
  const names = botNames(bots);
  return Prisma.sql`(${column} NOT LIKE '%[bot]' AND ${column} NOT IN (${Prisma.join(names)}))`;
}

/**
 * The ledger entry aliased `alias` belongs to the scope: everything when `pod` is null; otherwise items mentioned to
 * the pod (PodMention) and items by anyone who is or was a member of it (their linked GitHub login).
 */
export function inScope(alias: string, pod: string | null): Prisma.Sql {
  if (pod === null) return Prisma.sql`TRUE`;
  const e = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "PodMention" pm WHERE pm.repo = ${e}.repo AND pm.number = ${e}.number AND pm."podName" = ${pod})
    OR EXISTS (
      SELECT 1 FROM "Contributor" pc
      JOIN "Membership" pms ON pms."contributorId" = pc.id
      JOIN "Pod" pp ON pp.id = pms."podId"
      WHERE pp.name = ${pod} AND pc."githubLoginLower" = ${e}."authorLoginLower"))`;
}

/**
 * Common table expressions ending in `period_prs`: the period's pull requests in scope (bots left out), each with
 * `first` (it is its author's first in the whole ledger) and `nextOpenedAt` (when the author's next one was opened).
 * Use as `WITH ${periodPullRequests(…)} SELECT … FROM period_prs e`; columns keep the ledger's names.
 *
 * The scope is resolved once, as a set (a pod's mentions, and its members' pull requests), and `first` and
 * `nextOpenedAt` come from one window pass over the complete histories of just the authors in it, instead of two
 * look-ups per pull request: a window sees only the rows left inside it, so whole authors are kept.
 */
export function periodPullRequests(input: { period: Period; pod: string | null; bots: readonly string[] }): Prisma.Sql {
  const pod = input.pod;
  const podItems =
    pod === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`e.id IN (
          SELECT x.id FROM "PodMention" pm JOIN "LedgerEntry" x ON x.repo = pm.repo AND x.number = pm.number WHERE pm."podName" = ${pod}
          UNION ALL
          SELECT x.id FROM "Pod" pp JOIN "Membership" pms ON pms."podId" = pp.id JOIN "Contributor" pc ON pc.id = pms."contributorId"
            JOIN "LedgerEntry" x ON x."authorLoginLower" = pc."githubLoginLower" WHERE pp.name = ${pod})`;
  return Prisma.sql`
    scoped AS MATERIALIZED (
      SELECT e.id, e.repo, e.number, e."authorLogin", e."authorLoginLower", e."openedAt" FROM "LedgerEntry" e
      WHERE e.kind = 'pr' AND ${within(Prisma.sql`e."openedAt"`, input.period)}
        AND ${isHuman(Prisma.sql`e."authorLoginLower"`, input.bots)} AND ${podItems}
    ), timeline AS (
      SELECT e.id, row_number() OVER w = 1 AS first, lead(e."openedAt") OVER w AS "nextOpenedAt"
      FROM "LedgerEntry" e
      WHERE e.kind = 'pr' AND e."authorLoginLower" IN (SELECT s."authorLoginLower" FROM scoped s)
      WINDOW w AS (PARTITION BY e."authorLoginLower" ORDER BY e."openedAt", e.id)
    ), period_prs AS (
      SELECT s.*, t.first, t."nextOpenedAt" FROM scoped s JOIN timeline t ON t.id = s.id
    )`;
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
/** Hours rounded to a tenth, so the page, the CSV and the API show the same figure. */
export const hours = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
