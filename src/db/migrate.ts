// Applies the committed SQL migrations (prisma/migrations/<name>/migration.sql) at run time, without Prisma's
// schema engine, and records them in `_prisma_migrations` exactly as `prisma migrate deploy` does, so that a
// machine with Prisma's CLI can take over the same database (and the other way round).
//
// - Oldest first (directory names start with a timestamp).
// - Each migration runs in one transaction together with its `_prisma_migrations` row: it is applied whole or not
//   at all. (`prisma migrate deploy` runs the script without a transaction and records a failed row; here a
//   failure leaves the database as it was, and nothing is recorded.)
// - Under the advisory lock Prisma Migrate takes (72707369), as a transaction lock: replicas starting together,
//   or a `prisma migrate deploy` running at the same time, apply each migration once.
// - A migration file changed after it was applied is refused (its checksum, the SHA-256 of the file, no longer
//   matches the recorded one), as is a database with a migration that failed halfway under Prisma's CLI.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths';

/** The key of Prisma Migrate's advisory lock on PostgreSQL. */
export const MIGRATION_LOCK_KEY = 72707369;

/** A migration could not be applied, or the recorded history does not match the committed migrations. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    message: string,
    /** The migration concerned, when there is one. */
    readonly migration?: string,
  ) {
    super(message);
  }
}

/** What the migrator needs from the database: raw SQL and interactive transactions (a PrismaClient fits). */
export interface MigrationDb {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $transaction<R>(fn: (tx: MigrationTx) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
}
type MigrationTx = Pick<MigrationDb, '$queryRawUnsafe' | '$executeRawUnsafe'>;

export interface LocalMigration {
  name: string;
  sql: string;
  /** SHA-256 of migration.sql, hex: what `prisma migrate deploy` records. */
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolled_back: boolean;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The committed migrations, oldest first. */
export async function readMigrations(migrationsDir = MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = join(migrationsDir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationError(`${join(migrationsDir, name)} has no migration.sql; remove the directory or add the file`, name);
      const bytes = await readFile(file);
      return { name, sql: bytes.toString('utf8'), checksum: sha256(bytes) };
    }),
  );
}

/**
 * True when `checksum` was recorded for this file. Like Prisma, a checkout that only changed line endings
 * (git's autocrlf) still matches.
 */
export function checksumMatches(migration: Pick<LocalMigration, 'sql' | 'checksum'>, checksum: string): boolean {
  if (migration.checksum === checksum) return true;
  const lf = migration.sql.replace(/\r\n/g, '\n');
  return sha256(lf) === checksum || sha256(lf.replace(/\n/g, '\r\n')) === checksum;
}

const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const READ_HISTORY = `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
  FROM "_prisma_migrations" ORDER BY started_at, migration_name`;

async function readHistory(db: Pick<MigrationDb, '$queryRawUnsafe'>): Promise<HistoryRow[] | undefined> {
  const exists = await db.$queryRawUnsafe<{ found: boolean }[]>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS found`);
  if (!exists[0]?.found) return undefined;
  return db.$queryRawUnsafe<HistoryRow[]>(READ_HISTORY);
}

/** The applied migrations by name; throws MigrationError when the history and the committed files disagree. */
function checkHistory(history: HistoryRow[], local: LocalMigration[]): Set<string> {
  const byName = new Map(local.map((migration) => [migration.name, migration]));
  const applied = new Set<string>();
  for (const row of history) {
    if (row.rolled_back) continue;
    if (!row.finished) {
      throw new MigrationError(
        `migration ${row.migration_name} was started but did not finish (recorded by prisma migrate); ` +
          `repair the database, then mark it with \`prisma migrate resolve --applied|--rolled-back ${row.migration_name}\``,
        row.migration_name,
      );
    }
    const migration = byName.get(row.migration_name);
    if (migration && !checksumMatches(migration, row.checksum)) {
      throw new MigrationError(
        `prisma/migrations/${row.migration_name}/migration.sql was changed after it was applied to this database ` +
          `(recorded checksum ${row.checksum.slice(0, 12)}…, file ${migration.checksum.slice(0, 12)}…); ` +
          'restore the committed file and put further changes in a new migration (npm run db:diff)',
        row.migration_name,
      );
    }
    applied.add(row.migration_name);
  }
  return applied;
}

/** Names of the committed migrations this database has not applied, oldest first. */
export async function pendingMigrations(db: Pick<MigrationDb, '$queryRawUnsafe'>, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const local = await readMigrations(migrationsDir);
  const history = await readHistory(db);
  if (!history) return local.map((migration) => migration.name);
  const applied = new Set(history.filter((row) => row.finished && !row.rolled_back).map((row) => row.migration_name));
  return local.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name);
}

export interface MigrationStatus {
  /** Committed migrations the database has applied, oldest first. */
  applied: string[];
  /** Committed migrations it has not applied: podbot migrate (or start) applies them. */
  pending: string[];
  /** Migrations it records that are not committed here (it was used by a newer podbot). */
  unknown: string[];
}

/**
 * What `podbot migrate` would find, without applying anything: throws MigrationError when the database has no
 * migration history, or when its history would stop migrate (a changed migration file, a half-applied one).
 */
export async function migrationStatus(db: Pick<MigrationDb, '$queryRawUnsafe'>, migrationsDir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const local = await readMigrations(migrationsDir);
  const history = await readHistory(db);
  if (!history) throw new MigrationError('the database has no _prisma_migrations table, so it was not made by podbot (or Prisma Migrate)');
  const applied = checkHistory(history, local);
  const known = new Set(local.map((migration) => migration.name));
  return {
    applied: local.filter((migration) => applied.has(migration.name)).map((migration) => migration.name),
    pending: local.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name),
    unknown: [...applied].filter((name) => !known.has(name)),
  };
}

export interface MigrateOptions {
  migrationsDir?: string;
  /** Longest time one migration may take, in ms (default 10 minutes). */
  timeoutMs?: number;
}

/** Applies every committed migration the database has not applied; returns the names applied, oldest first. */
export async function migrate(db: MigrationDb, { migrationsDir = MIGRATIONS_DIR, timeoutMs = 10 * 60_000 }: MigrateOptions = {}): Promise<string[]> {
  const local = await readMigrations(migrationsDir);
  const appliedNow: string[] = [];
  // One transaction per migration. Each takes the lock and reads the history again, so a replica that waited
  // for the lock sees what the holder applied and skips it.
  for (;;) {
    const name = await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
        await tx.$executeRawUnsafe(CREATE_HISTORY_TABLE);
        const applied = checkHistory((await readHistory(tx)) ?? [], local);
        const next = local.find((migration) => !applied.has(migration.name));
        if (!next) return undefined;
        await applyOne(tx, next);
        return next.name;
      },
      { maxWait: timeoutMs, timeout: timeoutMs },
    );
    if (name === undefined) return appliedNow;
    appliedNow.push(name);
  }
}

async function applyOne(tx: MigrationTx, migration: LocalMigration): Promise<void> {
  const statements = splitStatements(migration.sql);
  for (const [index, statement] of statements.entries()) {
    try {
      await tx.$executeRawUnsafe(statement);
    } catch (error) {
      const firstLine = statement.split('\n').find((line) => line.trim() && !line.trim().startsWith('--')) ?? statement;
      throw new MigrationError(
        `migration ${migration.name} failed at statement ${index + 1} of ${statements.length} (${firstLine.trim().slice(0, 80)}): ` +
          `${databaseMessage(error)}. Nothing of it was applied; fix prisma/migrations/${migration.name}/migration.sql ` +
          'if it is not committed yet, or the database, and start again',
        migration.name,
      );
    }
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
     VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
    randomUUID(),
    migration.checksum,
    migration.name,
  );
}

/** The database's own words from a Prisma raw-query error, without Prisma's wrapping. */
function databaseMessage(error: unknown): string {
  const meta = (error as { meta?: { message?: unknown; driverAdapterError?: { cause?: { originalMessage?: unknown; message?: unknown } } } }).meta;
  const cause = meta?.driverAdapterError?.cause;
  const text = cause?.originalMessage ?? cause?.message ?? meta?.message ?? (error instanceof Error ? error.message : String(error));
  return String(text).trim().split('\n').pop()!.trim();
}

/**
 * Splits a migration script into statements at the semicolons that end them: not inside quotes ('…', "…",
 * E'…'), dollar-quoted bodies ($$…$$, $tag$…$tag$) or comments. Statements holding only comments are dropped.
 * Prisma's driver adapters run one statement per call (PGlite's prepared statements refuse several).
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let i = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end).trim();
    if (hasCode && text) statements.push(text);
    start = end + 1;
    hasCode = false;
  };
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        const pair = sql.slice(i, i + 2);
        depth += pair === '/*' ? 1 : pair === '*/' ? -1 : 0;
        i += pair === '/*' || pair === '*/' ? 2 : 1;
      }
    } else if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '');
      hasCode = true;
      i++;
      while (i < sql.length) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
    } else if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      hasCode = true;
      if (!tag) {
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      i = end === -1 ? sql.length : end + tag[0].length;
    } else if (c === ';') {
      push(i);
      i++;
    } else {
      if (!/\s/.test(c)) hasCode = true;
      i++;
    }
  }
  push(sql.length);
  return statements;
}
