// Prisma's schema engine compiled to WebAssembly: a development tool, used only by `npm run db:diff` to write
// new migration SQL. Nothing the app runs imports it (migrations are applied by src/db/migrate.ts from the
// committed SQL), and its package is a devDependency pinned to an exact version.
//
// Prisma's CLI needs a native schema-engine binary that it downloads from Prisma's binary host at first use
// (prisma/orm#17482, #19666). @prisma/schema-engine-wasm is the same engine as a wasm module, driven through a
// driver adapter.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): void;
};

// Node's global WebAssembly object; TypeScript's node lib does not declare it without the DOM lib.
const wasmRuntime = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
}).WebAssembly;

let loaded: Promise<void> | undefined;
let lastPanic: string | undefined;

// The engine reports Rust panics through this global before throwing; keep the message for the error.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message;
  },
};

/** The last panic message the engine reported, for error reports. */
export function lastEnginePanic(): string | undefined {
  return lastPanic;
}

/** The package imports its .wasm as an ES module, which Node 20 only allows behind a flag; instantiate it ourselves. */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bytes = await readFile(join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await wasmRuntime.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports as never);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

export async function openSchemaEngine(
  schema: { path: string; content: string },
  adapterFactory?: SqlMigrationAwareDriverAdapterFactory,
  log: (line: string) => void = () => {},
): Promise<Engine> {
  await loadWasm();
  const adapter = adapterFactory ? bindMigrationAwareSqlAdapterFactory(adapterFactory) : undefined;
  return (await bg.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] } as never, log, adapter as never)) as unknown as Engine;
}

const noFilters = { externalTables: [], externalEnums: [] };

/** SQL that turns the database described by `from` (or an empty one) into `to`. Needs no database. */
export async function diffSchemas(from: string | undefined, to: string): Promise<string> {
  // The engine connects once (to learn the server version) even for a schema-to-schema diff, so give it a
  // throwaway in-memory embedded database rather than asking the user for a server.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
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

/**
 * What `prisma migrate deploy` does, run by Prisma's own engine: applies the committed migrations in
 * `migrationsDir` that the database has not recorded. Not used by podbot itself (src/db/migrate.ts applies
 * migrations); the tests use it to check that the two read and write `_prisma_migrations` the same way.
 */
export async function deployWithSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory, migrationsDir: string, schema: string): Promise<string[]> {
  const names = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8') } },
    })),
  );
  const lockfile = await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(() => null);
  // The engine opens connections through the factory and does not close them when freed; close them here, or a
  // Postgres database stays "in use" until they time out.
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
  const engine = await openSchemaEngine({ path: 'schema.prisma', content: schema }, tracked);
  try {
    const result = await engine.applyMigrations({
      migrationsList: { baseDir: migrationsDir, lockfile: { path: 'migration_lock.toml', content: lockfile }, shadowDbInitScript: '', migrationDirectories },
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}
