import type { PrismaClient } from '../generated/prisma/client';
import type { Level } from '../kit/contributors/level';
import { levelFromLedger, summarizeLedger } from '../kit/contributors/level-from-ledger';
import type { EarlierContribution } from '../kit/contributors/is-first-time-contributor';
import type { Contribution } from './types';

type Db = Pick<PrismaClient, 'ledgerEntry' | 'contributor' | '$transaction'>;

/**
 * Upserts contributions by (repo, number). A merge is never undone: an older payload redelivered after the merge
 * must not flip the entry back.
 */
export async function recordContributions(db: Db, contributions: readonly Contribution[]): Promise<void> {
  if (contributions.length === 0) return;
  // One transaction per call: a backfill page is written whole or not at all, so its cursor never skips a half-written page.
  await db.$transaction(
    contributions.map((c) =>
      db.ledgerEntry.upsert({
        where: { repo_number: { repo: c.repo, number: c.number } },
        create: {
          repo: c.repo,
          number: c.number,
          kind: c.kind,
          authorLogin: c.authorLogin,
          authorLoginLower: c.authorLogin.toLowerCase(),
          association: c.association,
          openedAt: c.openedAt,
          merged: c.merged,
          mergedAt: c.mergedAt ?? null,
        },
        update: {
          association: c.association,
          ...(c.merged ? { merged: true, mergedAt: c.mergedAt ?? null } : {}),
        },
      }),
    ),
  );
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
