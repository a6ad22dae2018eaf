// The container recipe without a container engine: runs the Dockerfile's own instructions — each stage's COPY and
// RUN in a clean temporary directory standing for /app, then the runtime stage's CMD with its ENV — and checks that
// the server becomes ready by the Dockerfile's own HEALTHCHECK command. What cannot be reproduced here: the base
// image (this machine's node and npm stand in), and USER node (the commands run as the current user; `chown node:`
// becomes the current user). The image itself is not built by this test.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/database';

const root = join(import.meta.dirname, '..', '..');

interface Stage {
  name?: string;
  from: string;
  steps: { op: string; args: string }[];
}

/** The Dockerfile as stages of instructions (comments and blank lines dropped). */
function readDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(trimmed)!;
    if (op === 'FROM') {
      const [from, , name] = args.split(/\s+/);
      stages.push({ from, name, steps: [] });
    } else stages.at(-1)!.steps.push({ op, args });
  }
  return stages;
}

describe.skipIf(onPostgres)('the Dockerfile', () => {
  const dirs: string[] = [];
  let server: ReturnType<typeof spawn> | undefined;
  afterAll(async () => {
    server?.kill('SIGKILL');
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('builds in one stage, installs production dependencies only in the next, and the started server becomes ready', async () => {
    const stages = readDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
    expect(stages.map((s) => s.name ?? 'runtime')).toEqual(['build', 'runtime']);
    expect(stages[1].from).toMatch(/^node:\d+-slim$/);
    const runtimeOps = stages[1].steps.map((s) => `${s.op} ${s.args}`);
    expect(runtimeOps).toContain('USER node');
    expect(runtimeOps.some((s) => /^RUN npm ci --omit=dev\b/.test(s))).toBe(true);
    expect(runtimeOps.some((s) => /^VOLUME \/data$/.test(s))).toBe(true);

    const dataDir = await mkdtemp(join(tmpdir(), 'podbot-image-data-'));
    dirs.push(dataDir);
    const stageDirs = new Map<string, string>();
    let env: Record<string, string> = {};
    let healthcheck: string[] = [];
    let cmd: string[] = [];
    for (const stage of stages) {
      const app = await mkdtemp(join(tmpdir(), `podbot-image-${stage.name ?? 'runtime'}-`));
      dirs.push(app);
      stageDirs.set(stage.name ?? 'runtime', app);
      const map = (text: string) => text.replaceAll('/app', app).replaceAll('/data', dataDir);
      env = {};
      for (const { op, args } of stage.steps) {
        if (op === 'ENV') for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) env[key] = map(value);
        if (op === 'COPY') {
          const parts = args.split(/\s+/);
          const from = parts[0].startsWith('--from=') ? stageDirs.get(parts.shift()!.slice('--from='.length)) : undefined;
          const dest = join(app, parts.pop()!);
          for (const source of parts) {
            const src = from ? join(from, source.replace(/^\/app\//, '')) : join(root, source);
            const target = dest.endsWith('/') || parts.length > 1 || source.endsWith('/') ? join(dest, source.split('/').pop()!) : dest;
            await mkdir(dirname(target), { recursive: true });
            cpSync(src, target, { recursive: true });
          }
        }
        if (op === 'RUN') {
          const command = map(args).replaceAll('chown node:node', `chown ${process.getuid!()}:${process.getgid!()}`);
          const run = spawnSync('sh', ['-c', command], {
            cwd: app,
            env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_prefer_offline: 'true', ...env },
            encoding: 'utf8',
            timeout: 600_000,
          });
          expect(run.status, `${command}\n${run.stderr}`).toBe(0);
        }
        if (op === 'HEALTHCHECK') healthcheck = JSON.parse(args.slice(args.indexOf('CMD') + 4)) as string[];
        if (op === 'CMD') cmd = JSON.parse(args) as string[];
      }
    }
    const runtime = stageDirs.get('runtime')!;
    // Production dependencies only: no bundler, no TypeScript loader; the bundle came from the build stage.
    expect(existsSync(join(runtime, 'node_modules', 'esbuild'))).toBe(false);
    expect(existsSync(join(runtime, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(runtime, 'src', 'index.ts'))).toBe(false);
    expect(existsSync(join(runtime, 'dist', 'cli', 'main.js'))).toBe(true);

    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const runEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: port };
    server = spawn(cmd[0], cmd.slice(1), { cwd: runtime, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const healthy = () => spawnSync(healthcheck[0], healthcheck.slice(1), { cwd: runtime, env: runEnv }).status;
    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve));
    let code: number | null | undefined;
    void exited.then((c) => (code = c));
    const deadline = Date.now() + 120_000;
    while (healthy() !== 0) {
      if (code !== undefined || Date.now() > deadline) throw new Error(`the server did not become ready (exit ${code}):\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');

    // The upgrade path (docs/deploy.md) works with production dependencies only: pg_dump comes from a production
    // dependency, and the export loads into a new data directory.
    const exported = spawnSync(process.execPath, ['bin/podbot.mjs', 'db', 'export', '--out', join(dataDir, 'podbot.sql')], { cwd: runtime, env: runEnv, encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('_prisma_migrations\t');
    const imported = spawnSync(process.execPath, ['bin/podbot.mjs', 'db', 'import', '--in', join(dataDir, 'podbot.sql')], {
      cwd: runtime,
      env: { ...runEnv, PODBOT_DATA_DIR: join(dataDir, 'imported') },
      encoding: 'utf8',
    });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toBe(exported.stdout);
  }, 900_000);
});
