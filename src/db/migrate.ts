import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../paths';

// The schema engine and the scratch database are loaded only when needed: a start-up that finds the database up
// to date (the usual case) never pays for them.
const loadSchemaEngine = () => import('./schema-engine');

const noFilters = { externalTables: [], externalEnums: [] };

/** Migration directory names, oldest first (their names start with a timestamp). */
async function listMigrations(migrationsDir: string): Promise<string[]> {
  return (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Migrations in prisma/migrations that the database has not recorded as finished. */
export async function pendingMigrations(
  prisma: { $queryRawUnsafe<T>(query: string): Promise<T> },
  migrationsDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const names = await listMigrations(migrationsDir);
  let applied: Set<string>;
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return names; // no migrations table yet
  }
  return names.filter((name) => !applied.has(name));
}

/** Applies every migration in prisma/migrations that the database has not seen; returns the names applied. */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const names = await listMigrations(migrationsDir);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockfile = await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(() => undefined);
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  // The engine opens its own connections through the factory and does not close them when freed; track and
  // dispose them, or a Postgres database stays "in use" (and cannot, e.g., serve as a template) until they time out.
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const adapter = await adapterFactory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await adapterFactory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const { openSchemaEngine } = await loadSchemaEngine();
  const engine = await openSchemaEngine({ path: 'schema.prisma', content: schema }, tracked);
  try {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: { path: 'migration_lock.toml', content: lockfile ?? null },
        shadowDbInitScript: '',
        migrationDirectories,
      },
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

/** SQL that turns the database described by `from` (or an empty one) into `to`. Needs no database. */
export async function diffSchemas(from: string | undefined, to: string): Promise<string> {
  // The engine connects once (to learn the server version) even for a schema-to-schema diff, so give it a
  // throwaway in-memory embedded database rather than asking the user for a server.
  const [{ PGlite }, { PrismaPGlite }, { openSchemaEngine }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
    loadSchemaEngine(),
  ]);
  const scratch = await PGlite.create();
  const engine = await openSchemaEngine({ path: 'schema.prisma', content: to }, new PrismaPGlite(scratch));
  try {
    const result = await engine.diff({
      from: from === undefined ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'from.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  } finally {
    engine.free();
    await scratch.close();
  }
}
