import type { Period } from '../core/period';
import type { FirstTimer } from '../core/types';
import type { InsightsDb as Db } from './read-snapshot';
import { periodPullRequests } from './sql-parts';

/** Everyone whose first pull request in the ledger was opened in the period (in scope), with the pods it counts for. */
export async function queryFirstTimers(db: Db, input: { period: Period; pod: string | null; bots: readonly string[] }): Promise<FirstTimer[]> {
  const rows = await db.$queryRaw<{ login: string; repo: string; number: number; openedAt: Date; pods: string | null }[]>`
    WITH ${periodPullRequests(input)}, firsts AS (
      SELECT e.id, e.repo, e.number, e."authorLogin", e."authorLoginLower", e."openedAt" FROM period_prs e WHERE e.first
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
