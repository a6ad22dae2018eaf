// podbot db export: the embedded database as plain SQL, written by PostgreSQL's own pg_dump (compiled to WebAssembly
// in @electric-sql/pglite-tools). Plain SQL is what carries the data across PGlite's PostgreSQL major versions: a
// data directory opens only in the major that wrote it, and a newer PostgreSQL loads an older one's dump.
//
// pg_dump here talks to PGlite through PGlite's synchronous protocol call, so it needs the PGlite instance in its
// own thread: this opens the data directory on the calling thread rather than in the server's worker
// (pglite-thread.ts). The caller holds the data directory's lock (data-dir-lock.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { countRows, type TableRows } from './count-rows';
import { EMBEDDED_START_PARAMS } from './pglite-thread';
import { DumpError } from './sql-dump';

export interface EmbeddedExport {
  /** The dump: schema, every row (as INSERT statements) and the migration history. */
  sql: string;
  /** Rows per table at the time of the dump. */
  tables: TableRows[];
  /** e.g. 17.5 */
  serverVersion: string;
}

/**
 * pg_dump options: no owners or grants, so that the file loads as whichever role imports it (PGlite's user is
 * `postgres`; a server's role is usually not). pglite-tools adds --inserts: rows as INSERT statements, which any
 * client can execute, where COPY … FROM stdin needs psql.
 */
const PG_DUMP_ARGS = ['--no-owner', '--no-privileges'];

export async function exportEmbeddedDatabase(dataDir: string): Promise<EmbeddedExport> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new DumpError(`${dataDir} holds no embedded database (no PG_VERSION file): set PODBOT_DATA_DIR to the directory podbot start uses`);
  }
  const [{ PGlite }, { pgDump }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-tools/pg_dump')]);
  const pglite = await PGlite.create({ dataDir, startParams: EMBEDDED_START_PARAMS });
  try {
    const tables = await countRows(async (sql) => (await pglite.query(sql)).rows);
    const { rows } = await pglite.query<{ server_version: string }>('SHOW server_version');
    // pg_dump's own words come on the lines after "pg_dump failed with exit code N."; keep them on one line.
    const dump = await pgDump({ pg: pglite, args: PG_DUMP_ARGS }).catch((error: Error) => {
      throw new Error(error.message.trim().replace(/\s*\n\s*/g, ' '), { cause: error });
    });
    return { sql: await dump.text(), tables, serverVersion: rows[0].server_version };
  } finally {
    await pglite.close();
  }
}
