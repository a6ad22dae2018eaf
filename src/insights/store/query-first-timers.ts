import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { Period } from '../core/period';
import type { FirstTimer } from '../core/types';
import { inScope, isHuman, within } from './sql-parts';

type Db = Pick<PrismaClient, '$queryRaw'>;

/** Everyone whose first pull request in the ledger was opened in the period (in scope), with the pods it counts for. */
export async function queryFirstTimers(db: Db, input: { period: Period; pod: string | null; bots: readonly string[] }): Promise<FirstTimer[]> {
  const rows = await db.$queryRaw<{ login: string; repo: string; number: number; openedAt: Date; pods: string | null }[]>`
    SELECT e."authorLogin" AS login, e.repo, e.number, e."openedAt",
      (SELECT string_agg(x.name, ',' ORDER BY x.name) FROM (
        SELECT pm."podName" AS name FROM "PodMention" pm WHERE pm.repo = e.repo AND pm.number = e.number
        UNION
        SELECT pp.name FROM "Contributor" pc
          JOIN "Membership" pms ON pms."contributorId" = pc.id JOIN "Pod" pp ON pp.id = pms."podId"
          WHERE pc."githubLoginLower" = e."authorLoginLower") x) AS pods
    FROM "LedgerEntry" e
    WHERE e.kind = 'pr' AND ${within(Prisma.sql`e."openedAt"`, input.period)}
      AND ${isHuman(Prisma.sql`e."authorLoginLower"`, input.bots)} AND ${inScope('e', input.pod)}
      AND NOT EXISTS (
        SELECT 1 FROM "LedgerEntry" p
        WHERE p."authorLoginLower" = e."authorLoginLower" AND p.kind = 'pr'
          AND (p."openedAt" < e."openedAt" OR (p."openedAt" = e."openedAt" AND p.id < e.id)))
    ORDER BY e."openedAt", e.id`;
  return rows.map((row) => ({
    login: row.login,
    repo: row.repo,
    number: row.number,
    openedAt: new Date(row.openedAt).toISOString(),
    pods: row.pods ? row.pods.split(',') : [],
  }));
}
