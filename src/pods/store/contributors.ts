import { levelFromLedger, summarizeLedger, type LedgerRow, type LedgerSummary } from '../../kit/contributors/level-from-ledger';
import { LEVELS, type Level } from '../core/types';
import type { Db } from './db';

export interface ContributorRow {
  id: number;
  slackUserId: string;
  githubLogin: string | null;
  githubLoginLower: string | null;
  level: string;
}

/**
 * The contributor with this Slack id, created on first contact. Upsert rather than find-then-create,
 * so two requests from one new person cannot race into a unique-key error.
 */
export async function ensureContributor(db: Db, slackUserId: string, now: Date = new Date()): Promise<ContributorRow> {
  // Raw SQL: this is on the /join-pod path, and one statement is far cheaper than an ORM upsert.
  // DO UPDATE (a no-op on the key) rather than DO NOTHING, so RETURNING also gives an existing row.
  const [row] = await db.$queryRaw<ContributorRow[]>`
    INSERT INTO "Contributor" ("slackUserId", "createdAt", "updatedAt") VALUES (${slackUserId}, ${now}, ${now})
    ON CONFLICT ("slackUserId") DO UPDATE SET "slackUserId" = EXCLUDED."slackUserId"
    RETURNING id, "slackUserId", "githubLogin", "githubLoginLower", level`;
  return row;
}

/** A stored level, or `newcomer` for anything unexpected (the column is free text). */
export function asLevel(value: string): Level {
  return (LEVELS as readonly string[]).includes(value) ? (value as Level) : 'newcomer';
}

/**
 * Ledger summaries for linked GitHub logins (lowercase), in one grouped query however many people
 * there are. Logins with no ledger rows are absent.
 */
export async function ledgerSummaries(db: Db, loginsLower: readonly string[]): Promise<Map<string, LedgerSummary>> {
  const summaries = new Map<string, LedgerSummary>();
  if (loginsLower.length === 0) return summaries;
  const groups = await db.ledgerEntry.groupBy({
    by: ['authorLoginLower', 'kind', 'merged', 'association'],
    where: { authorLoginLower: { in: [...new Set(loginsLower)] } },
    _count: { _all: true },
  });
  const rows = new Map<string, LedgerRow[]>();
  for (const group of groups) {
    const row = { kind: group.kind, merged: group.merged, association: group.association, count: group._count._all };
    rows.set(group.authorLoginLower, [...(rows.get(group.authorLoginLower) ?? []), row]);
  }
  for (const [login, loginRows] of rows) summaries.set(login, summarizeLedger(loginRows));
  return summaries;
}

/**
 * A contributor's level: derived from the contribution ledger once they have linked a GitHub login
 * (and the ledger knows them), otherwise the level they declared (default newcomer).
 */
export function levelOf(contributor: Pick<ContributorRow, 'githubLoginLower' | 'level'>, summaries: ReadonlyMap<string, LedgerSummary>): Level {
  const summary = contributor.githubLoginLower ? summaries.get(contributor.githubLoginLower) : undefined;
  return summary ? levelFromLedger(summary) : asLevel(contributor.level);
}

/** The level of one contributor (one ledger query when they are linked, none otherwise). */
export async function contributorLevel(db: Db, contributor: Pick<ContributorRow, 'githubLoginLower' | 'level'>): Promise<Level> {
  if (!contributor.githubLoginLower) return asLevel(contributor.level);
  return levelOf(contributor, await ledgerSummaries(db, [contributor.githubLoginLower]));
}
