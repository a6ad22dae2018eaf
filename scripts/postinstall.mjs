#!/usr/bin/env node
// Runs as part of `npm install`:
// 1. `prisma generate` (the database client, into src/generated);
// 2. bundles src/ into dist/ (scripts/build.mjs; bin/podbot.mjs rebuilds it when sources change);
// 3. builds the migrated embedded-database template that makes `npm start` on an empty ./data fast
//    (see src/db/embedded-template.ts). This step is an optimisation: if it fails, podbot still starts.
//
// Under `npm ci --omit=dev` (a production install of a tree that ships dist/), the build tools are absent:
// steps 1 and 2 are skipped when dist/ is already built, since the bundle holds the generated client.
//
// About step 1:
// Prisma's CLI insists that its native schema-engine binary exists before any command, and downloads it
// from Prisma's binary host when it does not. Generating the client needs no native engine (the client
// generator and query compiler are JS/wasm), so when no engine is configured we point the check at a
// stub file. Migrations never use the native engine: see src/db/migrate.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, build, canBuild } from './build.mjs';
import { tmpdir } from 'node:os';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(tmpdir(), 'podbot-prisma');
  mkdirSync(dir, { recursive: true });
  const stub = join(dir, 'schema-engine-stub');
  if (!existsSync(stub)) writeFileSync(stub, '#!/bin/sh\necho "podbot: the native schema engine is not used; run npm run db:migrate" >&2\nexit 1\n', { mode: 0o755 });
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
const prebuilt = existsSync(join(DIST, 'cli', 'main.js'));
if (!(await canBuild()) || !existsSync('node_modules/prisma/build/index.js')) {
  if (!prebuilt) {
    console.error('podbot: cannot build dist/: the development dependencies (esbuild, prisma) are not installed. Run npm install, or install a tree that ships dist/.');
    process.exit(1);
  }
  console.error('podbot: production install: using the prebuilt dist/');
} else {
  const generate = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: 'inherit', env });
  if (generate.status !== 0) process.exit(generate.status ?? 1);
  await build();
}

// In its own process: building the template loads PGlite, which holds on to its memory.
const templateModule = pathToFileURL(join(DIST, 'db', 'embedded-template.js')).href;
const template = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', `const { ensureTemplateDirectory } = await import(${JSON.stringify(templateModule)}); console.error('podbot: embedded database template ready (' + await ensureTemplateDirectory() + ')');`],
  { stdio: 'inherit' },
);
if (template.status !== 0) console.warn('podbot: could not build the embedded database template; the first start will be slower.');
