import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { Period } from '../core/period';
import type { PodFill, PodLink, PodMember, WaitingItem } from '../core/types';
import { at, hours, hoursBetween, isHuman, num, within } from './sql-parts';

type Db = Pick<PrismaClient, '$queryRaw'>;

const WAITING_LIMIT = 25;

/**
 * Active pods with their open memberships against capacity, and how fast their advocates answer the pod's pull
 * requests: one statement for every pod (pairs of pod and in-scope pull request, then the first advocate response
 * of each pair), not one per pod.
 */
export async function queryPodFill(db: Db, input: { period: Period; bots: readonly string[]; pod?: string }): Promise<PodFill[]> {
  const human = isHuman(Prisma.sql`e."authorLoginLower"`, input.bots);
  const rows = await db.$queryRaw<{ name: string; displayName: string; capacity: number; members: unknown; advocates: unknown; answered: unknown; median: unknown }[]>`
    WITH pods AS (
      SELECT p.id, p.name, p."displayName", p.capacity FROM "Pod" p
      WHERE NOT p.archived AND (${input.pod ?? null}::text IS NULL OR p.name = ${input.pod ?? null}::text)
    ), advocates AS (
      SELECT a."podId", c."githubLoginLower" AS login
      FROM pods p JOIN "PodAdvocate" a ON a."podId" = p.id JOIN "Contributor" c ON c."slackUserId" = a."slackUserId"
      WHERE c."githubLoginLower" IS NOT NULL
    ), scoped AS (
      -- A pod's scope (as scopedEntries): items mentioned to it, and items by anyone who is or was a member.
      SELECT p.id AS "podId", e.repo, e.number, e."authorLoginLower" AS author, e."openedAt"
      FROM pods p JOIN "PodMention" pm ON pm."podName" = p.name
      JOIN "LedgerEntry" e ON e.repo = pm.repo AND e.number = pm.number
      WHERE e.kind = 'pr' AND ${within(Prisma.sql`e."openedAt"`, input.period)} AND ${human}
      UNION
      SELECT p.id, e.repo, e.number, e."authorLoginLower", e."openedAt"
      FROM pods p JOIN "Membership" pms ON pms."podId" = p.id JOIN "Contributor" pc ON pc.id = pms."contributorId"
      JOIN "LedgerEntry" e ON e."authorLoginLower" = pc."githubLoginLower"
      WHERE e.kind = 'pr' AND ${within(Prisma.sql`e."openedAt"`, input.period)} AND ${human}
    ), advocate_responses AS MATERIALIZED (
      -- Every response by an advocate, once: fewer rows to match the pods' pull requests against than all responses.
      SELECT a."podId", r.repo, r.number, r."responderLoginLower" AS login, r."respondedAt"
      FROM advocates a JOIN "ItemResponse" r ON r."responderLoginLower" = a.login
    ), answered AS (
      SELECT s."podId", ${hoursBetween(Prisma.sql`s."openedAt"`, Prisma.sql`min(x."respondedAt")`)} AS hours
      FROM scoped s
      JOIN advocate_responses x ON x."podId" = s."podId" AND x.repo = s.repo AND x.number = s.number AND x.login <> s.author
      GROUP BY s."podId", s.repo, s.number, s."openedAt"
    ), speed AS (
      SELECT "podId", count(*) AS answered, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median FROM answered GROUP BY "podId"
    )
    SELECT p.name, p."displayName", p.capacity,
      (SELECT count(*) FROM "Membership" m WHERE m."podId" = p.id AND m."leftAt" IS NULL) AS members,
      (SELECT count(*) FROM "PodAdvocate" a WHERE a."podId" = p.id) AS advocates,
      s.answered, s.median
    FROM pods p LEFT JOIN speed s ON s."podId" = p.id
    ORDER BY p.name`;
  return rows.map((pod) => {
    const members = num(pod.members);
    return {
      name: pod.name,
      displayName: pod.displayName,
      members,
      capacity: pod.capacity,
      fillRatio: pod.capacity > 0 ? Math.round((members / pod.capacity) * 100) / 100 : 0,
      advocates: num(pod.advocates),
      advocateAnswered: num(pod.answered),
      advocateMedianHours: hours(pod.median),
    };
  });
}

/** Active pods by name, for the navigation. */
export function queryPodLinks(db: Db): Promise<PodLink[]> {
  return db.$queryRaw<PodLink[]>`SELECT name, "displayName" FROM "Pod" WHERE NOT archived ORDER BY name`;
}

/** A pod's current members with their levels, longest-standing first. */
export async function queryPodMembers(db: Db, pod: string): Promise<PodMember[]> {
  const rows = await db.$queryRaw<{ slackUserId: string; displayName: string | null; githubLogin: string | null; level: string; joinedAt: Date }[]>`
    SELECT c."slackUserId", c."displayName", c."githubLogin", c.level, m."joinedAt"
    FROM "Membership" m JOIN "Contributor" c ON c.id = m."contributorId" JOIN "Pod" p ON p.id = m."podId"
    WHERE p.name = ${pod} AND m."leftAt" IS NULL
    ORDER BY m."joinedAt", c.id`;
  return rows.map((row) => ({ ...row, joinedAt: new Date(row.joinedAt).toISOString() }));
}

/**
 * The pod's open items nobody has answered yet: mentioned to the pod, not closed (nor merged), no response by anyone
 * but the author, opened before `now` and within the last year (older ones are not waiting, they are forgotten).
 */
export async function queryWaitingItems(db: Db, input: { pod: string; now: Date; bots: readonly string[] }): Promise<WaitingItem[]> {
  const since = new Date(input.now.getTime() - 365 * 86_400_000);
  const rows = await db.$queryRaw<{ repo: string; number: number; kind: string; authorLogin: string; openedAt: Date; days: unknown }[]>`
    SELECT e.repo, e.number, e.kind, e."authorLogin", e."openedAt",
      floor(EXTRACT(EPOCH FROM (${at(input.now)} - e."openedAt")) / 86400) AS days
    FROM "PodMention" pm JOIN "LedgerEntry" e ON e.repo = pm.repo AND e.number = pm.number
    WHERE pm."podName" = ${input.pod} AND NOT e.merged AND e."closedAt" IS NULL AND ${within(Prisma.sql`e."openedAt"`, { from: since, to: input.now })}
      AND NOT EXISTS (
        SELECT 1 FROM "ItemResponse" r
        WHERE r.repo = e.repo AND r.number = e.number AND r."responderLoginLower" <> e."authorLoginLower"
          AND ${isHuman(Prisma.sql`r."responderLoginLower"`, input.bots)})
    ORDER BY e."openedAt", e.id
    LIMIT ${WAITING_LIMIT}`;
  return rows.map((row) => ({ repo: row.repo, number: row.number, kind: row.kind, authorLogin: row.authorLogin, openedAt: new Date(row.openedAt).toISOString(), waitingDays: num(row.days) }));
}
