// npm run bench:intake-memory: 100 concurrent 24 MB posts to /github/webhooks, first without any signature header,
// then with a well-formed but wrong one, while signed deliveries keep arriving. Prints the server's RSS at idle,
// at its peak and afterwards (goal: afterwards within 150 MB of idle), and how many signed deliveries were
// accepted meanwhile (goal: all).
//
// The posts come from a child process (`--attacker`), so its buffers are not counted in the server's RSS.
import { spawn } from 'node:child_process';
import { request } from 'node:http';

const MB = 1024 * 1024;
const POSTS = Number(process.env.INTAKE_POSTS ?? 100);
const SIZE_MB = Number(process.env.INTAKE_SIZE_MB ?? 24);

/** The attacker: POSTS concurrent posts of SIZE_MB each; prints how they were answered. */
async function runAttacker(url: string, signed: boolean): Promise<void> {
  const body = Buffer.alloc(SIZE_MB * MB, 0x61);
  const statuses: Record<string, number> = {};
  await Promise.all(
    Array.from(
      { length: POSTS },
      (_, i) =>
        new Promise<void>((resolve) => {
          // One outcome per post: the answer if one came (the server may close the socket while the body is still
          // being written, which also raises EPIPE), else the error.
          let settled = false;
          const count = (outcome: string | number) => {
            if (settled) return;
            settled = true;
            statuses[outcome] = (statuses[outcome] ?? 0) + 1;
            resolve();
          };
          const headers: Record<string, string | number> = {
            'content-type': 'application/json',
            'content-length': body.length,
            'x-github-event': 'issues',
            'x-github-delivery': `attack-${i}`,
          };
          if (signed) headers['x-hub-signature-256'] = `sha256=${'0'.repeat(64)}`;
          const req = request(url, { method: 'POST', headers }, (res) => {
            res.resume();
            count(res.statusCode ?? 0);
          });
          req.on('error', (error: NodeJS.ErrnoException) => setTimeout(() => count(error.code ?? 'error'), 50));
          req.end(body);
        }),
    ),
  );
  process.stdout.write(`${JSON.stringify(statuses)}\n`);
}

if (process.argv.includes('--attacker')) {
  const at = process.argv.indexOf('--attacker');
  await runAttacker(process.argv[at + 1], process.argv[at + 2] === 'signed');
  process.exit(0);
}

const { startTestApp } = await import('../test/support/test-app');
const t = await startTestApp({ features: [] });
const rss = () => process.memoryUsage().rss / MB;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

// Warm up the routes once, so idle includes what a running server has loaded.
await t.webhook('ping', { zen: 'warm up', hook_id: 1 });
await settle();
const idle = rss();
console.log(`intake budget ${t.env.intakeBufferBytes / MB} MB; ${POSTS} concurrent posts of ${SIZE_MB} MB; idle RSS ${idle.toFixed(0)} MB`);

for (const variant of ['unsigned', 'signed'] as const) {
  let peak = rss();
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
  let accepted = 0;
  let sent = 0;
  let stop = false;
  const signedTraffic = (async () => {
    while (!stop) {
      sent += 1;
      const res = await t.webhook('ping', { zen: 'still here', hook_id: 1 }).catch(() => undefined);
      if (res?.status === 200) accepted += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const attacker = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--attacker', `${t.url}/github/webhooks`, variant], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  attacker.stdout.on('data', (chunk) => (out += chunk));
  await new Promise((resolve) => attacker.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await signedTraffic;
  clearInterval(sampler);
  await settle();
  const after = rss();
  console.log(
    `${variant === 'unsigned' ? 'no signature header  ' : 'wrong signature      '} answers ${out.trim()} in ${seconds.toFixed(1)} s; ` +
      `RSS peak ${peak.toFixed(0)} MB (+${(peak - idle).toFixed(0)}), after ${after.toFixed(0)} MB (+${(after - idle).toFixed(0)}, goal ≤ +150); ` +
      `signed deliveries accepted meanwhile ${accepted}/${sent}`,
  );
}

await t.stop();
process.exit(0);
