// Bundles podbot's own code (src/) into dist/: dist/cli/main.js is the `podbot` CLI (bin/podbot.mjs runs it, and
// `podbot start` is the server), dist/db/embedded-template.js builds the embedded-database template at install.
// Production runs these files with plain node: no TypeScript loader or bundler at run time.
//
// Running the TypeScript sources through a loader costs about a second at start-up: every import is resolved
// and loaded through the loader's hooks. The bundle holds only our code (packages stay in node_modules) and is
// split at the dynamic imports, so src/index.ts can start the database while the rest of the app loads.
//
// `npm install` builds it (scripts/postinstall.mjs) and so does `npm run build`; in a development checkout
// bin/podbot.mjs rebuilds it when any source it was built from has changed, so an edited checkout never runs stale
// code. esbuild is a development dependency: canBuild() says whether it is installed.
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');
const meta = (outdir) => join(outdir, 'build-inputs.json');

/** The entry points, relative to src/ in dist/. */
export const ENTRY_POINTS = ['src/cli/main.ts', 'src/db/embedded-template.ts', 'src/front/app-thread.ts'];
const WORKER = 'src/db/pglite-worker.mjs';
/** Prisma's query compiler as base64 text, imported by the generated client; see src/db/query-compiler-wasm.mjs. */
const QUERY_COMPILER_BASE64 = /^@prisma\/client\/runtime\/query_compiler_[^/]*\.wasm-base64\.mjs$/;
const QUERY_COMPILER_SHIM = 'src/db/query-compiler-wasm.mjs';

/** True when esbuild is installed (a development install), so dist/ can be (re)built here. */
export async function canBuild() {
  return import('esbuild').then(
    () => true,
    () => false,
  );
}

/**
 * Builds dist/ (or `outdir`) and records every input file with its size and modification time. The bundle is
 * written beside it and swapped in, so a process starting meanwhile finds the old bundle or the new one, whole.
 */
export async function build(outdir = DIST) {
  const esbuild = await import('esbuild');
  const staging = `${outdir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const compilers = new Set();
  const queryCompilerFromFile = {
    name: 'query-compiler-from-file',
    setup(builder) {
      builder.onResolve({ filter: QUERY_COMPILER_BASE64 }, (args) => {
        compilers.add(args.path);
        return { path: join(ROOT, QUERY_COMPILER_SHIM) };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outbase: 'src',
    outdir: staging,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [queryCompilerFromFile],
  });
  // The shim reads ../prisma/query-compiler.wasm from its chunk, one level below dist/ like every output file.
  if (compilers.size !== 1) throw new Error(`expected the generated client to import one query compiler, found: ${[...compilers].join(', ') || 'none'}`);
  const { wasm } = await import([...compilers][0]);
  await mkdir(join(staging, 'prisma'), { recursive: true });
  await writeFile(join(staging, 'prisma', 'query-compiler.wasm'), Buffer.from(wasm, 'base64'));
  // The embedded database's worker thread starts from its own file (plain JavaScript), as in src/.
  await mkdir(join(staging, 'db'), { recursive: true });
  await copyFile(join(ROOT, WORKER), join(staging, 'db', 'pglite-worker.mjs'));
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), WORKER, 'package.json', 'tsconfig.json']) {
    const { size, mtimeMs } = await stat(join(ROOT, file));
    inputs[file] = [size, mtimeMs];
  }
  await writeFile(meta(staging), JSON.stringify(inputs));
  const old = `${outdir}.old-${process.pid}`;
  await rename(outdir, old).catch(() => {});
  await rename(staging, outdir);
  await rm(old, { recursive: true, force: true });
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
