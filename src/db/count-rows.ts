// Rows per table: what podbot db export wrote and what podbot db import gave back, printed the same way by both so
// the two lists can be compared (diff) after a move.

export interface TableRows {
  table: string;
  rows: number;
}

/** Runs one query and resolves with its rows (PGlite's query, or Prisma's $queryRawUnsafe). */
export type RunQuery = (sql: string) => Promise<unknown[]>;

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Every table in schema public (where podbot's migrations put everything) with its row count, by name. */
export async function countRows(query: RunQuery): Promise<TableRows[]> {
  const tables = (await query(`SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE "C"`)) as { tablename: string }[];
  if (tables.length === 0) return [];
  const counts = (await query(
    tables.map(({ tablename }) => `SELECT ${literal(tablename)} AS "table", count(*)::int AS "rows" FROM public.${identifier(tablename)}`).join('\nUNION ALL\n'),
  )) as TableRows[];
  const byTable = new Map(counts.map((count) => [count.table, Number(count.rows)]));
  return tables.map(({ tablename }) => ({ table: tablename, rows: byTable.get(tablename) ?? 0 }));
}

/** One line per table, `name<TAB>rows`: what export and import print on stdout. */
export function renderRowCounts(tables: readonly TableRows[]): string {
  return tables.map(({ table, rows }) => `${table}\t${rows}\n`).join('');
}

export function totalRows(tables: readonly TableRows[]): number {
  return tables.reduce((sum, { rows }) => sum + rows, 0);
}
