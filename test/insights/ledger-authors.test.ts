// LedgerAuthor: each author's first two pull requests, kept by triggers as the ledger is written. First-timers and
// newcomer retention read it, so it must agree with the ledger whatever order history arrives in and whoever writes.
import { afterEach, describe, expect, it } from 'vitest';
import { queryFirstTimers } from '../../src/insights/store/query-first-timers';
import { queryHealth } from '../../src/insights/store/query-health';
import { recordContributions } from '../../src/ledger/ledger-store';
import type { Contribution } from '../../src/ledger/types';
import { freshDatabase, onPostgres, type TestDatabase } from '../support/database';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

function aPr(number: number, author: string, openedAt: string, extra: Partial<Contribution> = {}): Contribution {
  return { repo: 'acme/widgets', number, kind: 'pr', authorLogin: author, association: 'CONTRIBUTOR', openedAt: new Date(openedAt), merged: false, ...extra };
}

/** Each author's first and second pull request numbers, as LedgerAuthor holds them. */
async function firstTwo(database: TestDatabase): Promise<Record<string, [number, number | null]>> {
  const rows = await database.prisma.$queryRaw<{ login: string; first: number; second: number | null }[]>`
    SELECT a."authorLoginLower" AS login, f.number AS first, s.number AS second
    FROM "LedgerAuthor" a JOIN "LedgerEntry" f ON f.id = a."firstPrId" LEFT JOIN "LedgerEntry" s ON s.id = a."secondPrId"
    ORDER BY 1`;
  return Object.fromEntries(rows.map((row) => [row.login, [row.first, row.second]]));
}

const YEAR_2025 = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };
const NOW = new Date('2026-06-01T00:00:00Z');

describe('LedgerAuthor', { timeout: 60_000 }, () => {
  it('keeps each author’s first two pull requests whatever order the history arrives in', async () => {
    db = await freshDatabase();
    // A webhook first, then the backfill brings older history in pages, then a redelivery.
    await recordContributions(db.prisma, [aPr(40, 'Ada', '2026-02-01T00:00:00Z')]);
    expect(await firstTwo(db)).toEqual({ ada: [40, null] });
    await recordContributions(db.prisma, [aPr(20, 'ada', '2025-03-01T00:00:00Z'), aPr(30, 'ada', '2025-05-01T00:00:00Z'), aPr(31, 'bo', '2025-05-01T00:00:00Z')]);
    expect(await firstTwo(db)).toEqual({ ada: [20, 30], bo: [31, null] });
    await recordContributions(db.prisma, [
      aPr(10, 'ADA', '2025-03-01T00:00:00Z'), // the same instant as 20, written later: ties go to the lower id, 20's
      aPr(5, 'ada', '2024-01-01T00:00:00Z', { kind: 'issue' }), // issues are not pull requests
    ]);
    expect(await firstTwo(db)).toEqual({ ada: [20, 10], bo: [31, null] });
    await recordContributions(db.prisma, [aPr(20, 'ada', '2025-03-01T00:00:00Z', { merged: true, mergedAt: new Date('2025-03-02T00:00:00Z') })]);
    expect(await firstTwo(db)).toEqual({ ada: [20, 10], bo: [31, null] });

    // What the dashboard makes of it: both came in 2025; ada's second pull request came the same day.
    expect((await queryFirstTimers(db.prisma, { period: YEAR_2025, pod: null, bots: [] })).map((f) => [f.login, f.number])).toEqual([
      ['ada', 20],
      ['bo', 31],
    ]);
    expect((await queryHealth(db.prisma, { period: YEAR_2025, pod: null, bots: [], now: NOW })).health).toMatchObject({ newContributors: 2, retentionEligible: 2, retained: 1 });
  });

  it('follows pull requests that are removed or moved', async () => {
    db = await freshDatabase();
    await recordContributions(db.prisma, [aPr(1, 'ada', '2025-01-01T00:00:00Z'), aPr(2, 'ada', '2025-02-01T00:00:00Z'), aPr(3, 'ada', '2025-03-01T00:00:00Z'), aPr(4, 'bo', '2025-04-01T00:00:00Z')]);
    await db.prisma.ledgerEntry.delete({ where: { repo_number: { repo: 'acme/widgets', number: 1 } } });
    expect(await firstTwo(db)).toEqual({ ada: [2, 3], bo: [4, null] });
    await db.prisma.ledgerEntry.update({ where: { repo_number: { repo: 'acme/widgets', number: 3 } }, data: { openedAt: new Date('2024-12-01T00:00:00Z') } });
    expect(await firstTwo(db)).toEqual({ ada: [3, 2], bo: [4, null] });
    await db.prisma.ledgerEntry.update({ where: { repo_number: { repo: 'acme/widgets', number: 2 } }, data: { authorLogin: 'bo', authorLoginLower: 'bo' } });
    expect(await firstTwo(db)).toEqual({ ada: [3, null], bo: [2, 4] });
    await db.prisma.ledgerEntry.deleteMany({ where: { authorLoginLower: 'ada' } });
    expect(await firstTwo(db)).toEqual({ bo: [2, 4] });
  });

  it('loses no pull request when two writers add the same new author’s at once', async () => {
    db = await freshDatabase();
    const prisma = db.prisma;
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first writer adds cy's later pull request and holds its transaction open.
    const first = prisma.$transaction(
      async (tx) => {
        await recordContributions(tx, [aPr(2, 'cy', '2025-02-01T00:00:00Z')]);
        inserted();
        await held;
      },
      { timeout: 30_000 },
    );
    await firstInserted;
    // The second adds cy's earlier one meanwhile: on PostgreSQL it waits for the first's LedgerAuthor row, then merges
    // into it (the embedded database has one connection, so there it simply comes after).
    const second = prisma.$transaction((tx) => recordContributions(tx, [aPr(1, 'cy', '2025-01-01T00:00:00Z')]), { timeout: 30_000, maxWait: 30_000 });
    if (onPostgres) {
      for (let i = 0; i < 200; i++) {
        const [{ waiting }] = await prisma.$queryRaw<{ waiting: bigint }[]>`
          SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (waiting > 0n) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    release();
    await Promise.all([first, second]);
    expect(await firstTwo(db)).toEqual({ cy: [1, 2] });
  });
});
