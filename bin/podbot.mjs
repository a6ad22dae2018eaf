#!/usr/bin/env node
// The podbot CLI (`podbot start`, `podbot migrate`, …; `podbot --help`). Runs the prebuilt bundle in dist/ with
// plain node, in this process (so SIGTERM and SIGINT reach the server directly). In a development checkout, where
// esbuild is installed, a bundle older than its sources is rebuilt first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, build, canBuild, isStale } from '../scripts/build.mjs';

const entry = join(DIST, 'cli', 'main.js');
if (await isStale()) {
  if (await canBuild()) {
    if (existsSync(entry)) console.error('podbot: sources changed since the last build; rebuilding dist/');
    await build();
  } else if (!existsSync(entry)) {
    console.error('podbot: dist/ is missing. Build it with npm run build (needs the development dependencies), or install a package that ships it.');
    process.exit(2);
  }
}
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(entry).href);
await main(process.argv.slice(2));
