// podbot db import: loads a plain-SQL dump (podbot db export) into a new database, the embedded one in an empty
// PODBOT_DATA_DIR or a PostgreSQL database with no tables, in one transaction: it loads whole or not at all. Then
// it opens the database as podbot start does and checks what start would check: the migration history against
// the committed migrations, and the rows per table.
//
// The dump brings its own schema and migration history (perhaps an older podbot's); podbot migrate, or start,
// applies what came after.
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { countRows, type TableRows } from './count-rows';
import { prepareDataDirectory } from './embedded-template';
import { MIGRATION_LOCK_KEY, MigrationError, migrationStatus, type MigrationStatus } from './migrate';
import { openDatabase, type Database } from './open-database';
import { EMBEDDED_START_PARAMS } from './pglite-thread';
import { DumpError, withoutUnknownSettings } from './sql-dump';

export interface ImportTarget {
  /** DATABASE_URL: a PostgreSQL database with no tables. Unset: the embedded database in `dataDir`. */
  url?: string;
  /** PODBOT_DATA_DIR: must be empty or absent. The caller holds its lock (data-dir-lock.ts). */
  dataDir: string;
}

export interface ImportResult {
  kind: Database['kind'];
  /** Rows per table, read back from the imported database. */
  tables: TableRows[];
  migrations: MigrationStatus;
  /** Settings in the dump's preamble that this server does not have, left out. */
  skippedSettings: string[];
}

/** Loads `sql` (checked by readDump) into the target and reads it back as podbot start would open it. */
export async function importDump(sql: string, target: ImportTarget): Promise<ImportResult> {
  let skippedSettings: string[];
  let database: Database;
  if (target.url) {
    // Opened first, so that an unreachable server or a missing database fails with start-up's wording.
    database = await openDatabase({ url: target.url, dataDir: target.dataDir });
    try {
      await database.ping();
      skippedSettings = await loadIntoPostgres(sql, target.url);
    } catch (error) {
      await database.close();
      throw error;
    }
  } else {
    skippedSettings = await loadIntoEmbedded(sql, target.dataDir);
    database = await openDatabase({ dataDir: target.dataDir });
  }
  try {
    const migrations = await migrationStatus(database.prisma).catch((error: unknown) => {
      if (!(error instanceof MigrationError)) throw error;
      throw new MigrationError(`the dump loaded, but podbot would not start on it: ${error.message}`, error.migration);
    });
    const tables = await countRows((query) => database.prisma.$queryRawUnsafe(query));
    return { kind: database.kind, tables, migrations, skippedSettings };
  } finally {
    await database.close();
  }
}

/** A load error with the line of the dump it stopped at (PostgreSQL reports a character position in the text). */
function loadError(error: unknown, sql: string): DumpError {
  const { message, position } = error as { message?: string; position?: string | number };
  const at = Number(position);
  const line = Number.isInteger(at) && at > 0 ? ` at line ${sql.slice(0, at).split('\n').length}` : '';
  return new DumpError(`the dump did not load${line}: ${String(message ?? error).split('\n')[0]}. Nothing was imported`, { cause: error });
}

async function loadIntoPostgres(sql: string, url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Prisma Migrate's lock, as migrate takes it: a podbot starting meanwhile waits, then finds every migration
    // recorded instead of creating the tables under the import.
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    const { rows: tables } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    if (tables.length > 0) {
      const database = decodeURIComponent(new URL(url).pathname.slice(1)) || 'in DATABASE_URL';
      const names = tables.slice(0, 3).map((t) => t.tablename).join(', ');
      throw new DumpError(
        `database ${database} already holds ${tables.length} table${tables.length === 1 ? '' : 's'} (${names}${tables.length > 3 ? ', …' : ''}): ` +
          'podbot db import loads into an empty database; create one (createdb) and point DATABASE_URL at it',
      );
    }
    const { rows: settings } = await client.query<{ name: string }>('SELECT name FROM pg_catalog.pg_settings');
    const { sql: runnable, skipped } = withoutUnknownSettings(sql, new Set(settings.map((s) => s.name)));
    // One simple query: the whole file in one round trip, inside the transaction.
    await client.query(runnable).catch((error: unknown) => {
      throw loadError(error, runnable);
    });
    await client.query('COMMIT');
    return skipped;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The migrated template (or initdb) leaves the current migrations' tables in public; the dump brings its own schema
 * and history, so public starts as initdb makes it.
 */
const EMPTY_PUBLIC_SCHEMA = `DROP SCHEMA public CASCADE;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';`;

async function loadIntoEmbedded(sql: string, dataDir: string): Promise<string[]> {
  const existed = existsSync(dataDir);
  if (existed && (await readdir(dataDir)).length > 0) {
    throw new DumpError(
      `${dataDir} is not empty: podbot db import makes a new embedded database, so move that directory aside ` +
        '(or set PODBOT_DATA_DIR to a new one) and import again',
    );
  }
  try {
    // A copy of the migrated template when there is one (under a second); otherwise PGlite's initdb on open
    // (several seconds and several hundred megabytes).
    await prepareDataDirectory(dataDir);
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ dataDir, startParams: EMBEDDED_START_PARAMS });
    try {
      const { rows: settings } = await pglite.query<{ name: string }>('SELECT name FROM pg_catalog.pg_settings');
      const { sql: runnable, skipped } = withoutUnknownSettings(sql, new Set(settings.map((s) => s.name)));
      await pglite.transaction(async (tx) => {
        await tx.exec(EMPTY_PUBLIC_SCHEMA);
        await tx.exec(runnable).catch((error: unknown) => {
          throw loadError(error, runnable);
        });
      });
      return skipped;
    } finally {
      await pglite.close();
    }
  } catch (error) {
    // Leave the directory as it was found (absent or empty), so the import can simply be run again.
    if (!existed) await rm(dataDir, { recursive: true, force: true });
    else for (const entry of await readdir(dataDir)) await rm(join(dataDir, entry), { recursive: true, force: true });
    throw error;
  }
}
