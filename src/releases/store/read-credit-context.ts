// Database reads for release credit. Pods, advocates and identities belong to the Pods capability; this
// feature only reads them, with its own small queries, so the two can change independently.
import type { PrismaClient } from '../../generated/prisma/client';
import type { LedgerPr } from '../core/gather/decide-ledger-first-prs';
import type { PodDefinition } from '../types';

type Db = Pick<PrismaClient, 'pod' | 'contributor' | 'ledgerEntry' | 'backfillCursor'>;

/** Non-archived pods in creation order (the order podbot.yml lists them in), with advocates' GitHub logins when linked. */
export async function readPodDefinitions(db: Db): Promise<PodDefinition[]> {
  const pods = await db.pod.findMany({
    where: { archived: false },
    include: { advocates: { orderBy: { createdAt: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  const advocateIds = [...new Set(pods.flatMap((p) => p.advocates.map((a) => a.slackUserId)))];
  const linked = advocateIds.length
    ? await db.contributor.findMany({ where: { slackUserId: { in: advocateIds } }, select: { slackUserId: true, githubLogin: true } })
    : [];
  const loginOf = new Map(linked.map((c) => [c.slackUserId, c.githubLogin]));
  return pods.map((p) => ({
    name: p.name,
    displayName: p.displayName,
    labels: p.labels,
    paths: p.paths,
    advocates: p.advocates.map((a) => ({ slackId: a.slackUserId, githubLogin: loginOf.get(a.slackUserId) ?? null })),
  }));
}

/** GitHub login → Slack user id for the given logins (any case) that people linked. */
export async function readLinkedSlackIds(db: Db, logins: readonly string[]): Promise<Map<string, string>> {
  const lower = [...new Set(logins.map((l) => l.toLowerCase()))];
  if (lower.length === 0) return new Map();
  const rows = await db.contributor.findMany({
    where: { githubLoginLower: { in: lower } },
    select: { githubLogin: true, githubLoginLower: true, slackUserId: true },
  });
  return new Map(rows.map((r) => [r.githubLogin ?? r.githubLoginLower!, r.slackUserId]));
}

/** Merged PRs the ledger recorded in `repo` (`owner/name`) for these authors. */
export async function readLedgerPrs(db: Db, repo: string, logins: readonly string[]): Promise<LedgerPr[]> {
  const lower = [...new Set(logins.map((l) => l.toLowerCase()))];
  if (lower.length === 0) return [];
  const rows = await db.ledgerEntry.findMany({
    where: { repo: { equals: repo, mode: 'insensitive' }, kind: 'pr', merged: true, authorLoginLower: { in: lower } },
    select: { authorLogin: true, number: true, mergedAt: true },
  });
  return rows.map((r) => ({ login: r.authorLogin, number: r.number, mergedAt: r.mergedAt }));
}

/**
 * Whether the ledger holds the repository's whole history: `npm run backfill` has finished every listing it
 * started for the repository. Webhooks keep it complete from then on.
 */
export async function isLedgerComplete(db: Db, repo: string): Promise<boolean> {
  const cursors = await db.backfillCursor.findMany({ where: { repo: { equals: repo, mode: 'insensitive' } }, select: { done: true } });
  return cursors.length > 0 && cursors.every((c) => c.done);
}
