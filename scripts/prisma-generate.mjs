#!/usr/bin/env node
// Runs `prisma generate` as part of `npm install`.
//
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
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
