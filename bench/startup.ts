// bench/startup: time from `npm start` to a ready /healthz, and the server's idle memory (RSS), on the embedded
// database (a fresh data directory) and on PostgreSQL (a fresh database). Prints numbers and ratios to the goals;
// it is not a pass/fail test.
//
//   npx tsx bench/startup.ts                 3 runs on each database
//   npx tsx bench/startup.ts 1 --embedded    one run, embedded only (or --postgres)
//
// Goals: ready within 3 s; idle RSS ≤ 200 MB on the embedded database, ≤ 120 MB on PostgreSQL.
// Two memory figures per run: the highest RSS in the first 3 s after ready (the tail of start-up: its garbage is
// still on the heap), and idle, the highest RSS from 10 to 15 s after ready, once V8 has given the start-up's
// garbage back (it does so by itself a few seconds after allocation stops). The goals are about idle.
// PostgreSQL: DATABASE_URL's server, or postgres://postgres@127.0.0.1:5432/test; each run uses a new database.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 3);
const only: 'embedded' | 'postgres' | undefined = process.argv.includes('--embedded') ? 'embedded' : process.argv.includes('--postgres') ? 'postgres' : undefined;
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const goals = { embedded: 200, postgres: 120 };

/** RSS (kB) of the largest process under rootPid: the server, below npm and the launcher. */
function treeRssKb(rootPid: number): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const [pid, ppid, kb] of rows) {
    rss.set(pid, kb);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let max = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    max = Math.max(max, rss.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return max;
}

async function withDatabase<T>(kind: 'embedded' | 'postgres', dir: string, use: (env: Record<string, string>) => Promise<T>): Promise<T> {
  if (kind === 'embedded') return use({ PODBOT_DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' });
  const name = `podbot_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await use({ DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function startOnce(kind: 'embedded' | 'postgres'): Promise<{ ms: number; afterReadyMb: number; rssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'podbot-bench-start-'));
  const port = 23_000 + Math.floor(Math.random() * 1000);
  try {
    return await withDatabase(kind, dir, async (dbEnv) => {
      const started = performance.now();
      const child = spawn('npm', ['start', '--silent'], {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, PORT: String(port), PODBOT_CONFIG: join(dir, 'none.yml'), LOG_LEVEL: 'warn', ...dbEnv },
        stdio: 'ignore',
        detached: true,
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      try {
        let ms: number;
        for (;;) {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
          if (res?.ok) {
            ms = performance.now() - started;
            break;
          }
          if (performance.now() - started > 60_000) throw new Error('no ready /healthz within 60 s');
          await new Promise((r) => setTimeout(r, 25));
        }
        // Start-up tasks done, nothing arriving: the highest of a few samples over three seconds, then again later.
        const highestRss = async (fromMs: number, toMs: number) => {
          let kb = 0;
          for (let at = fromMs; at <= toMs; at += 500) {
            await new Promise((r) => setTimeout(r, Math.max(0, started + ms + at - performance.now())));
            kb = Math.max(kb, treeRssKb(child.pid!));
          }
          return kb / 1024;
        };
        const afterReadyMb = await highestRss(500, 3000);
        const rssMb = await highestRss(10_000, 15_000);
        return { ms, afterReadyMb, rssMb };
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const kind of only ? [only] : (['embedded', 'postgres'] as const)) {
  const results: { ms: number; afterReadyMb: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await startOnce(kind);
    results.push(result);
    console.log(`${kind} run ${i + 1}: ready after ${(result.ms / 1000).toFixed(2)} s, RSS ${result.afterReadyMb.toFixed(0)} MB in the 3 s after ready, idle RSS ${result.rssMb.toFixed(0)} MB`);
  }
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const rss = Math.max(...results.map((r) => r.rssMb));
  console.log(`${kind}: start to ready /healthz median ${(median / 1000).toFixed(2)} s over ${runs} runs (goal 3 s, ratio ${(median / 3000).toFixed(2)})`);
  const afterReady = Math.max(...results.map((r) => r.afterReadyMb));
  console.log(`${kind}: RSS in the 3 s after ready ${afterReady.toFixed(0)} MB (highest run; ratio to the idle goal ${(afterReady / goals[kind]).toFixed(2)})`);
  console.log(`${kind}: idle RSS of the server ${rss.toFixed(0)} MB (10-15 s after ready, highest run; goal ≤ ${goals[kind]} MB, ratio ${(rss / goals[kind]).toFixed(2)})`);
  console.log('');
}
