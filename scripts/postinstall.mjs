#!/usr/bin/env node
// Runs as part of `npm install`:
// 1. `prisma generate` (the database client, into src/generated);
// 2. bundles src/ into dist/ for `npm start` (scripts/build.mjs; start rebuilds it when sources change);
// 3. builds the migrated embedded-database template that makes `npm start` on an empty ./data fast
//    (see src/db/embedded-template.ts). This step is an optimisation: if it fails, podbot still starts.
//
// About step 1:
// Prisma's CLI insists that its native schema-engine binary exists before any command, and downloads it
// from Prisma's binary host when it does not. Generating the client needs no native engine (the client
// generator and query compiler are JS/wasm), so when no engine is configured we point the check at a
// stub file. Migrations never use the native engine: see scripts/db-migrate.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(tmpdir(), 'podbot-prisma');
  mkdirSync(dir, { recursive: true });
  const stub = join(dir, 'schema-engine-stub');
  if (!existsSync(stub)) writeFileSync(stub, '#!/bin/sh\necho "podbot: the native schema engine is not used; run npm run db:migrate" >&2\nexit 1\n', { mode: 0o755 });
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
const generate = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: 'inherit', env });
if (generate.status !== 0) process.exit(generate.status ?? 1);

const { build } = await import('./build.mjs');
await build();

const template = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-embedded-template.ts'], { stdio: 'inherit' });
if (template.status !== 0) console.warn('podbot: could not build the embedded database template; the first start will be slower.');
