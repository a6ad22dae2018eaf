// podbot db export | import: the embedded database as a plain-SQL file and back, into a new embedded data directory
// or into PostgreSQL. The way across PGlite's PostgreSQL major versions (a data directory only opens in the major
// that wrote it) and from the embedded database to a server; see docs/deploy.md ("Upgrading").
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Env } from '../../config/env';
import { CliFailure, EXIT, UsageError, type CliContext, type Command } from '../command';
import { parseOptions } from '../parse-options';
import { lockDataDirectory } from '../../db/data-dir-lock';
import { explainStartError } from '../../db/start-errors';
import { renderRowCounts, totalRows, type TableRows } from '../../db/count-rows';
import { DumpError, readDump } from '../../db/sql-dump';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const summary = (tables: readonly TableRows[]) => `${plural(tables.length, 'table')}, ${plural(totalRows(tables), 'row')}`;

/** A refusal the user can act on (not a dump, not empty, no database): its message alone, exit 1. */
function explainDumpError(error: unknown): never {
  throw error instanceof DumpError ? new CliFailure(error.message) : error;
}

/** The value of a required `--name FILE` option. */
function requiredFile(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} FILE is required`);
  return value;
}

export const dbExportCommand: Command = {
  name: 'db export',
  summary: 'write the embedded database to a plain-SQL file (podbot stopped)',
  help: `usage: podbot db export --out FILE

Writes the embedded database (PODBOT_DATA_DIR) to FILE as plain SQL, with PostgreSQL's own pg_dump: the
schema, every row and the migration history. podbot db import loads it into a new data directory, also
one of a newer PGlite on another PostgreSQL major version, or into PostgreSQL. Stop podbot first: the
embedded database belongs to one process at a time. Prints the rows per table (stdout).

options:
  --out FILE   the file to write (replaced if it exists; written whole or not at all)

exit codes: 0 written, 1 failure (podbot is running, no database in PODBOT_DATA_DIR), 2 usage or configuration
problem (DATABASE_URL is set: use pg_dump for a PostgreSQL server)`,
  async run(argv, ctx) {
    const { values } = parseOptions(argv, { out: { type: 'string' } });
    const out = requiredFile(values, 'out');
    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings } = await import('../settings');
    const settings = readSettings(ctx.env);
    if (settings.databaseUrl) {
      throw new CliFailure(
        'DATABASE_URL is set, so podbot uses PostgreSQL, and db export reads only the embedded database: ' +
          'use pg_dump for the server, or unset DATABASE_URL to export PODBOT_DATA_DIR',
        EXIT.usage,
      );
    }
    const lock = await lockDataDirectory(settings.dataDir, 'podbot db export');
    try {
      const { exportEmbeddedDatabase } = await import('../../db/export-embedded-database');
      const exported = await exportEmbeddedDatabase(settings.dataDir).catch(explainDumpError);
      const partial = `${out}.partial-${process.pid}`;
      try {
        await writeFile(partial, exported.sql);
        await rename(partial, out);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      ctx.io.stdout(renderRowCounts(exported.tables));
      ctx.io.stderr(`wrote ${out}: ${summary(exported.tables)} from ${settings.dataDir} (PostgreSQL ${exported.serverVersion})\n`);
      return EXIT.ok;
    } finally {
      await lock.release();
    }
  },
};

export const dbImportCommand: Command = {
  name: 'db import',
  summary: 'load a file from podbot db export into a new embedded database or PostgreSQL',
  help: `usage: podbot db import --in FILE

Loads a plain-SQL file written by podbot db export, in one transaction, into a new database: the embedded
database in PODBOT_DATA_DIR, which must be empty or absent, or, with DATABASE_URL set, a PostgreSQL
database with no tables. Then opens it as podbot start would, checks the migration history against
prisma/migrations and prints the rows per table (stdout), to compare with the export's. podbot migrate
(or start) applies the migrations the exporting version did not have.

options:
  --in FILE   the file podbot db export wrote

exit codes: 0 imported, 1 failure (nothing is imported: podbot is running, the target is not empty, the file
is not a whole podbot dump or does not load), 2 usage or configuration problem`,
  async run(argv, ctx) {
    const { values } = parseOptions(argv, { in: { type: 'string' } });
    const file = requiredFile(values, 'in');
    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings } = await import('../settings');
    const settings = readSettings(ctx.env);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new CliFailure(`${file} does not exist`) : error;
    });
    let sql: string;
    try {
      sql = readDump(text, file);
    } catch (error) {
      explainDumpError(error);
    }
    const lock = settings.databaseUrl ? undefined : await lockDataDirectory(settings.dataDir, 'podbot db import');
    try {
      return await importInto(sql, settings, ctx);
    } finally {
      await lock?.release();
    }
  },
};

async function importInto(sql: string, settings: Pick<Env, 'databaseUrl' | 'dataDir'>, ctx: CliContext): Promise<number> {
  const { importDump } = await import('../../db/import-database');
  const target = { url: settings.databaseUrl, dataDir: settings.dataDir };
  const result = await importDump(sql, target).catch((error: unknown) => {
    if (error instanceof DumpError) explainDumpError(error);
    return explainStartError(error, target);
  });
  ctx.io.stdout(renderRowCounts(result.tables));
  const where = result.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : settings.dataDir;
  ctx.io.stderr(`imported ${summary(result.tables)} into ${where}\n`);
  if (result.skippedSettings.length) ctx.io.stderr(`left out settings this server does not have: ${result.skippedSettings.join(', ')}\n`);
  const { applied, pending, unknown } = result.migrations;
  ctx.io.stderr(
    pending.length
      ? `${plural(applied.length, 'migration')} recorded, ${pending.length} to apply: podbot migrate (or podbot start) applies ${pending.join(', ')}\n`
      : `all ${plural(applied.length, 'migration')} recorded: podbot start can run on it\n`,
  );
  if (unknown.length) ctx.io.stderr(`the dump records migrations this version does not have (${unknown.join(', ')}): it came from a newer podbot\n`);
  return EXIT.ok;
}
