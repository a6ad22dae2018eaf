// Prisma's schema engine compiled to WebAssembly, driven through our own driver adapters.
//
// Prisma's CLI needs a native schema-engine binary that it downloads from Prisma's binary host at first use
// (prisma/orm#17482, #19666). @prisma/schema-engine-wasm is the same engine as a wasm module, so migrations
// run wherever the app runs, through the same adapter (PGlite or pg) the app uses. It records applied
// migrations in `_prisma_migrations`, like `prisma migrate deploy`, so the native CLI can take over later.
import { readFile } from 'node:fs/promises';
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
