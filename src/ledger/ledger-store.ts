import type { PrismaClient } from '../generated/prisma/client';
import type { Level } from '../kit/contributors/level';
import { levelFromLedger, summarizeLedger } from '../kit/contributors/level-from-ledger';
import type { EarlierContribution } from '../kit/contributors/is-first-time-contributor';
import type { Contribution } from './types';

type Db = Pick<PrismaClient, 'ledgerEntry' | 'contributor' | '$executeRaw'>;

/**
 * Upserts contributions by (repo, number). A merge is never undone: an older payload redelivered after the merge
 * must not flip the entry back, and a merged pull request stays closed. Otherwise the latest payload says whether
 * the item is open (an issue can be closed and reopened).
 *
 * One INSERT … ON CONFLICT for the whole list: a backfill page is written whole or not at all (so its cursor never
 * skips a half-written page) without an interactive transaction, whose 5-second limit a 100-row page of
 * one-row upserts can outlast on the embedded database under load.
 */
export async function recordContributions(db: Db, contributions: readonly Contribution[]): Promise<void> {
  if (contributions.length === 0) return;
  // ON CONFLICT DO UPDATE may touch a row only once per statement, so one entry per (repo, number).
  const byKey = new Map<string, Contribution>();
  for (const c of contributions) {
    const key = `${c.repo}#${c.number}`;
    const earlier = byKey.get(key);
    byKey.set(key, earlier?.merged && !c.merged ? { ...c, merged: true, mergedAt: earlier.mergedAt, closedAt: c.closedAt ?? earlier.closedAt } : c);
  }
  const rows = JSON.stringify(
    [...byKey.values()].map((c) => ({
      repo: c.repo,
      number: c.number,
      kind: c.kind,
      authorLogin: c.authorLogin,
      authorLoginLower: c.authorLogin.toLowerCase(),
      association: c.association,
      openedAt: c.openedAt.toISOString(),
      merged: c.merged,
      mergedAt: c.mergedAt?.toISOString() ?? null,
      closedAt: (c.closedAt ?? (c.merged ? c.mergedAt : undefined))?.toISOString() ?? null,
    })),
  );
  // Timestamps are stored as UTC without a zone, as Prisma writes them.
  await db.$executeRaw`
    INSERT INTO "LedgerEntry" (repo, number, kind, "authorLogin", "authorLoginLower", association, "openedAt", merged, "mergedAt", "closedAt", "updatedAt")
    SELECT v.repo, v.number, v.kind, v."authorLogin", v."authorLoginLower", v.association,
           v."openedAt" AT TIME ZONE 'UTC', v.merged, v."mergedAt" AT TIME ZONE 'UTC', v."closedAt" AT TIME ZONE 'UTC', ${new Date()}
    FROM jsonb_to_recordset(${rows}::jsonb)
      AS v(repo text, number int, kind text, "authorLogin" text, "authorLoginLower" text, association text,
           "openedAt" timestamptz, merged boolean, "mergedAt" timestamptz, "closedAt" timestamptz)
    ON CONFLICT (repo, number) DO UPDATE SET
      association = EXCLUDED.association,
      merged = "LedgerEntry".merged OR EXCLUDED.merged,
      "mergedAt" = CASE WHEN EXCLUDED.merged THEN EXCLUDED."mergedAt" ELSE "LedgerEntry"."mergedAt" END,
      "closedAt" = CASE WHEN "LedgerEntry".merged AND NOT EXCLUDED.merged THEN coalesce("LedgerEntry"."closedAt", "LedgerEntry"."mergedAt")
                        ELSE EXCLUDED."closedAt" END,
      "updatedAt" = EXCLUDED."updatedAt"`;
}

/** This author's other ledger entries in the repository, opened before `before` (the item at hand excluded). */
export async function findEarlierContributions(
  db: Db,
  input: { repo: string; login: string; number: number; before: Date },
): Promise<EarlierContribution[]> {
  const rows = await db.ledgerEntry.findMany({
    where: { repo: input.repo, authorLoginLower: input.login.toLowerCase(), number: { not: input.number }, openedAt: { lte: input.before } },
    select: { number: true, kind: true, merged: true },
  });
  return rows.map((row) => ({ number: row.number, kind: row.kind === 'pr' ? 'pr' : 'issue', merged: row.merged }));
}

/** The level a GitHub login earns from everything in the ledger, across repositories. */
export async function levelForLogin(db: Db, login: string): Promise<Level> {
  const entries = await db.ledgerEntry.findMany({
    where: { authorLoginLower: login.toLowerCase() },
    select: { kind: true, merged: true, association: true },
  });
  return levelFromLedger(summarizeLedger(entries));
}

/** Keeps a linked contributor's derived level current as the ledger grows. Self-declared levels are left alone. */
export async function refreshLinkedLevel(db: Db, login: string): Promise<void> {
  const contributor = await db.contributor.findUnique({ where: { githubLoginLower: login.toLowerCase() } });
  if (!contributor || contributor.levelSource !== 'ledger') return;
  const level = await levelForLogin(db, login);
  if (level !== contributor.level) await db.contributor.update({ where: { id: contributor.id }, data: { level } });
}

/** Every repository the ledger holds an entry of, in name order. */
export async function listLedgerRepositories(db: Pick<PrismaClient, 'ledgerEntry'>): Promise<string[]> {
  const rows = await db.ledgerEntry.findMany({ distinct: ['repo'], select: { repo: true }, orderBy: { repo: 'asc' } });
  return rows.map((row) => row.repo);
}
