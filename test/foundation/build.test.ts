// scripts/build.mjs: the bundle the podbot CLI runs (`npm start` is `podbot start`), and how bin/podbot.mjs decides it must be rebuilt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { build, isStale } from '../../scripts/build.mjs';

// Bundles are written inside the project, where they can import the installed packages, as dist/ does.
const scratch = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
const scratchDist = async () => join(await mkdtemp(join(scratch, 'podbot-build-test-')), 'dist');

describe('the start-up bundle', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('bundles the CLI with its dynamic imports split out, records its inputs, and is fresh until one changes', async () => {
    const outdir = await scratchDist();
    dirs.push(join(outdir, '..'));
    expect(await isStale(outdir)).toBe(true); // nothing built yet
    await build(outdir);
    expect(existsSync(join(outdir, 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(outdir, 'db', 'embedded-template.js'))).toBe(true);
    const inputs = JSON.parse(await readFile(join(outdir, 'build-inputs.json'), 'utf8')) as Record<string, [number, number]>;
    for (const file of ['src/cli/main.ts', 'src/index.ts', 'src/app/create-app.ts', 'src/pods/register.ts', 'package.json']) expect(inputs[file]).toBeDefined();
    expect(await isStale(outdir)).toBe(false);

    // A source edited since the build (here: its recorded modification time no longer matches) makes it stale.
    const edited = { ...inputs, 'src/pods/register.ts': [inputs['src/pods/register.ts'][0], inputs['src/pods/register.ts'][1] - 1000] };
    await writeFile(join(outdir, 'build-inputs.json'), JSON.stringify(edited));
    expect(await isStale(outdir)).toBe(true);
    // So does a source that no longer exists.
    await writeFile(join(outdir, 'build-inputs.json'), JSON.stringify({ ...inputs, 'src/gone.ts': [1, 1] }));
    expect(await isStale(outdir)).toBe(true);
  });

  it("carries Prisma's query compiler as a wasm file that the client's import reads, not as base64 text", async () => {
    const outdir = await scratchDist();
    dirs.push(join(outdir, '..'));
    await build(outdir);
    const bytes = await readFile(join(outdir, 'prisma', 'query-compiler.wasm'));
    expect(WebAssembly.validate(bytes)).toBe(true);
    const chunks = await readdir(join(outdir, 'chunks'));
    for (const file of chunks.filter((name) => name.endsWith('.js'))) expect(await readFile(join(outdir, 'chunks', file), 'utf8')).not.toContain('wasm-base64');
    // What the generated client does with the module it imports: Buffer.from(wasm, 'base64'), then compile.
    const shim = chunks.find((name) => name.startsWith('query-compiler-wasm-') && name.endsWith('.js'));
    expect(shim).toBeDefined();
    const { wasm } = (await import(pathToFileURL(join(outdir, 'chunks', shim!)).href)) as { wasm: unknown };
    const decoded = Buffer.from(wasm as string, 'base64');
    expect(decoded.equals(bytes)).toBe(true);
    expect(WebAssembly.Module.exports(new WebAssembly.Module(decoded)).length).toBeGreaterThan(0);
  });

  it('the bundle runs: podbot start reports a bad configuration and exits 2', async () => {
    const outdir = await scratchDist();
    dirs.push(join(outdir, '..'));
    await build(outdir);
    const run = spawnSync(process.execPath, [join(outdir, 'cli', 'main.js'), 'start'], {
      env: { PATH: process.env.PATH ?? '', PORT: 'not-a-port', PODBOT_CONFIG: join(outdir, 'none.yml') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/podbot cannot start: 1 configuration problem\n {2}- PORT: /);
  });
});
