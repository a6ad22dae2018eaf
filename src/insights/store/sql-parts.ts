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

/**
 * Hours from one timestamp to another, in double precision: `date_part` rather than `EXTRACT`, whose exact numeric
 * arithmetic (and the cast back to double that percentile_cont makes) took a third of the 5-year aggregate on the
 * embedded database. Figures are rounded to a tenth of an hour, far above the difference.
 */
export function hoursBetween(from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`date_part('epoch', ${to} - ${from}) / 3600`;
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
 * Whose figures a statement computes: `null` for the whole community (one scope, named ''), or each of the named pods
 * (one scope per pod, named after it). A pod's scope is the items mentioned to it (PodMention) and the items of anyone
 * who is or was a member (their linked GitHub login).
 */
export type Scopes = readonly string[] | null;

/** The scope name of the whole community in statements that group by scope. */
export const EVERYONE = '';

/**
 * A query over ledger entries `e` matching `where` (in terms of `e`), each with the `scope` it counts for: everyone's
 * once, or once per pod whose scope holds it. Use as a common table expression; columns keep the ledger's names.
 *
 * A pod's scope is resolved as two sets (its mentions, its members' entries) and not as a test per entry, so every
 * pod's figures come from one statement.
 */
export function scopedEntries(scopes: Scopes, where: Prisma.Sql): Prisma.Sql {
  const columns = Prisma.sql`e.id, e.repo, e.number, e.kind, e."authorLogin", e."authorLoginLower", e."openedAt", e.merged, e."mergedAt", e."closedAt"`;
  if (scopes === null) return Prisma.sql`SELECT ${Prisma.raw(`'${EVERYONE}'::text`)} AS scope, ${columns} FROM "LedgerEntry" e WHERE ${where}`;
  const names = scopes.length > 0 ? Prisma.join(scopes) : Prisma.sql`NULL`;
  return Prisma.sql`
    SELECT pm."podName" AS scope, ${columns}
    FROM "PodMention" pm JOIN "LedgerEntry" e ON e.repo = pm.repo AND e.number = pm.number
    WHERE pm."podName" IN (${names}) AND ${where}
    UNION
    SELECT pp.name, ${columns}
    FROM "Pod" pp JOIN "Membership" pms ON pms."podId" = pp.id JOIN "Contributor" pc ON pc.id = pms."contributorId"
      JOIN "LedgerEntry" e ON e."authorLoginLower" = pc."githubLoginLower"
    WHERE pp.name IN (${names}) AND ${where}`;
}

/** The scopes' pull requests opened in the period, bots left out. */
export function periodPullRequests(scopes: Scopes, input: { period: Period; bots: readonly string[] }): Prisma.Sql {
  return scopedEntries(scopes, Prisma.sql`e.kind = 'pr' AND ${within(Prisma.sql`e."openedAt"`, input.period)} AND ${isHuman(Prisma.sql`e."authorLoginLower"`, input.bots)}`);
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
/** Hours rounded to a tenth, so the page, the CSV and the API show the same figure. */
export const hours = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
