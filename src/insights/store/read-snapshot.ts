import type { PrismaClient } from '../../generated/prisma/client';

/** What the insight queries need: raw reads, inside or outside a transaction. */
export type InsightsDb = Pick<PrismaClient, '$queryRaw'>;

/** A page with 5 years of history is a few hundred milliseconds of reads; beyond this something is wrong. */
const SNAPSHOT_TIMEOUT_MS = 20_000;

/**
 * Runs a page's insight queries in one read-only REPEATABLE READ transaction, so every figure on it comes from the
 * same snapshot of the ledger even while webhooks write, and with PostgreSQL's JIT compilation off.
 *
 * Why JIT off: the metric queries are small analytic reads (milliseconds each), but correlated subqueries give them
 * plan cost estimates above `jit_above_cost` (100,000), and PostgreSQL then spends 100–250 ms compiling each one,
 * several times what running it costs (measured with EXPLAIN ANALYZE on the bench ledger; see docs/insights.md).
 * `SET LOCAL` ends with the transaction, so no other query is affected.
 * https://www.postgresql.org/docs/current/jit-decision.html
 */
export function readSnapshot<T>(db: PrismaClient, read: (tx: InsightsDb) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      await tx.$executeRaw`SET LOCAL jit = off`;
      return read(tx);
    },
    { isolationLevel: 'RepeatableRead', timeout: SNAPSHOT_TIMEOUT_MS },
  );
}
