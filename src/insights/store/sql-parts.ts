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

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
/** Hours rounded to a tenth, so the page, the CSV and the API show the same figure. */
export const hours = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
