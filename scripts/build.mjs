// Bundles podbot's own code (src/, entry src/index.ts) into dist/ for `npm start`.
//
// Running the TypeScript sources through a loader costs about a second at start-up: every import is resolved
// and loaded through the loader's hooks. The bundle holds only our code (packages stay in node_modules) and is
// split at the dynamic imports, so src/index.ts can start the database while the rest of the app loads.
//
// `npm install` builds it (scripts/postinstall.mjs); scripts/start.mjs rebuilds it when any source it was built
// from has changed, so an edited checkout never runs stale code. `node scripts/build.mjs` builds it by hand.
import { copyFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');
const meta = (outdir) => join(outdir, 'build-inputs.json');
const WORKER = 'src/db/pglite-worker.mjs';

/** Builds dist/ (or `outdir`) and records every input file with its size and modification time. */
export async function build(outdir = DIST) {
  const esbuild = await import('esbuild');
  await rm(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/index.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  // The embedded database's worker thread is started from its own file (plain JavaScript), next to the chunks.
  await copyFile(join(ROOT, WORKER), join(outdir, 'pglite-worker.mjs'));
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), WORKER, 'package.json', 'tsconfig.json']) {
    const { size, mtimeMs } = await stat(join(ROOT, file));
    inputs[file] = [size, mtimeMs];
  }
  await writeFile(meta(outdir), JSON.stringify(inputs));
}

/** True when dist/ (or `outdir`) is missing or any file it was built from has changed since. */
export async function isStale(outdir = DIST) {
  let inputs;
  try {
    inputs = JSON.parse(await readFile(meta(outdir), 'utf8'));
  } catch {
    return true;
  }
  const checks = Object.entries(inputs).map(async ([file, [size, mtimeMs]]) => {
    const now = await stat(join(ROOT, file)).catch(() => undefined);
    return !now || now.size !== size || now.mtimeMs !== mtimeMs;
  });
  return (await Promise.all(checks)).some(Boolean);
}

if (process.argv[1] === import.meta.filename) {
  await build();
  console.error('podbot: built dist/');
}
