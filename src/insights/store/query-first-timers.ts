import { Prisma } from '../../generated/prisma/client';
import type { Period } from '../core/period';
import type { FirstTimer } from '../core/types';
import type { InsightsDb as Db } from './read-snapshot';
import { isHuman, scopedEntries, within } from './sql-parts';

/**
 * Everyone whose first pull request in the ledger was opened in the period (in scope), with the pods it counts for, in
 * the order they came; only the `latest` ones when given (a page that lists a few need not read them all).
 */
export async function queryFirstTimers(db: Db, input: { period: Period; pod: string | null; bots: readonly string[]; latest?: number }): Promise<FirstTimer[]> {
  // Each author's first pull request is kept in LedgerAuthor: the period's are found by date (newest first, so a
  // page that lists a few stops early), without ranking anyone's history.
  const scope = input.pod === null ? Prisma.sql`TRUE` : Prisma.sql`e.id IN (SELECT s.id FROM (${scopedEntries([input.pod], Prisma.sql`TRUE`)}) s)`;
  const rows = await db.$queryRaw<{ login: string; repo: string; number: number; openedAt: Date; pods: string | null }[]>`
    WITH firsts AS (
      SELECT e.id, e.repo, e.number, e."authorLogin", e."authorLoginLower", e."openedAt"
      FROM "LedgerAuthor" a JOIN "LedgerEntry" e ON e.id = a."firstPrId"
      WHERE ${within(Prisma.sql`a."firstPrOpenedAt"`, input.period)} AND ${isHuman(Prisma.sql`a."authorLoginLower"`, input.bots)} AND ${scope}
      ${input.latest === undefined ? Prisma.empty : Prisma.sql`ORDER BY a."firstPrOpenedAt" DESC, a."firstPrId" DESC LIMIT ${input.latest}`}
    ), pods AS (
      SELECT f.id, pm."podName" AS name FROM firsts f JOIN "PodMention" pm ON pm.repo = f.repo AND pm.number = f.number
      UNION
      SELECT f.id, pp.name FROM firsts f
        JOIN "Contributor" pc ON pc."githubLoginLower" = f."authorLoginLower"
        JOIN "Membership" pms ON pms."contributorId" = pc.id JOIN "Pod" pp ON pp.id = pms."podId"
    )
    SELECT f."authorLogin" AS login, f.repo, f.number, f."openedAt", string_agg(p.name, ',' ORDER BY p.name) AS pods
    FROM firsts f LEFT JOIN pods p ON p.id = f.id
    GROUP BY f.id, f."authorLogin", f.repo, f.number, f."openedAt"
    ORDER BY f."openedAt", f.id`;
  return rows.map((row) => ({
    login: row.login,
    repo: row.repo,
    number: row.number,
    openedAt: new Date(row.openedAt).toISOString(),
    pods: row.pods ? row.pods.split(',') : [],
  }));
}
