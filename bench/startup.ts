// bench/startup: time from `npm start` to a healthy /healthz on a fresh data directory, and idle RSS.
// Prints numbers; it is not a pass/fail test. Goal: ≤ 3 s to healthy.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const port = 23_000 + Math.floor(Math.random() * 1000);
const results: { ms: number; rssMb: number }[] = [];

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
  // The server is the deepest node process under npm; report the largest process in the tree.
  let max = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    max = Math.max(max, rss.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return max;
}

for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'podbot-bench-start-'));
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, PORT: String(port), PODBOT_DATA_DIR: join(dir, 'pglite'), PODBOT_CONFIG: join(dir, 'none.yml'), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
  let ms: number;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) {
        ms = performance.now() - started;
        break;
      }
    } catch {
      // not yet listening
    }
    if (performance.now() - started > 60_000) throw new Error('no healthy /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 2_000));
  const rssMb = treeRssKb(child.pid!) / 1024;
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
  results.push({ ms, rssMb });
  console.log(`run ${i + 1}: healthy after ${(ms / 1000).toFixed(2)} s, idle RSS ${rssMb.toFixed(0)} MB`);
}

const times = results.map((r) => r.ms).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`startup (fresh data dir, npm start → /healthz 200): median ${(median / 1000).toFixed(2)} s over ${runs} runs; goal 3 s → ratio ${(median / 3000).toFixed(2)}`);
console.log(`idle RSS of the server process: ${Math.max(...results.map((r) => r.rssMb)).toFixed(0)} MB`);
