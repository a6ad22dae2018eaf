// bench/join-pod: ack latency of `/join-pod <name>` under a steady 200 requests/s for 20 s, as Slack would
// send them (signed form posts), against the real app with the loopback fake Slack and GitHub.
//
//   npx tsx bench/join-pod.ts                         the embedded database, then PostgreSQL; 200/s for 20 s each
//   npx tsx bench/join-pod.ts --embedded              the embedded database only
//   npx tsx bench/join-pod.ts --postgres              a fresh database on the PostgreSQL server only
//                                                     (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test)
//   npx tsx bench/join-pod.ts --rate 100 --seconds 5  shorter or lighter runs
//
// Requests are sent open-loop (on a fixed schedule, whatever the answers), so a slow server shows up as
// latency instead of quietly lowering the load. Each request is a different person; 20 pods of
// capacity 9 fill up during the run, so the mix covers joins (locked transaction + outbox) and
// full-pod refusals (with an alternative). podbot acks before doing any work and answers through the
// response_url, so besides the ack latency (what Slack's 3 s limit is about) the bench also prints how
// long the answer took to arrive. Prints numbers; it is not a pass/fail test.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { stringify } from 'yaml';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
const rate = Number(arg('rate') ?? 200);
const seconds = Number(arg('seconds') ?? 20);
const podCount = Number(arg('pods') ?? 20);
const SIGNING_SECRET = 'bench-signing-secret-0123456789';

/**
 * The load generator runs in its own process (`--client <url> <slackResponseBase>`), so the numbers
 * are not skewed by sharing an event loop with the server, whose embedded database runs on it.
 * It prints one JSON line: per-request ack latencies and the send time of each request.
 */
async function runClient(url: string, responseBase: string): Promise<void> {
  const { slackSignature } = await import('../test/support/signers');
  const command = (user: string, text: string, replyId: string) => {
    const body = new URLSearchParams({
      token: 'legacy', team_id: 'T0FAKE', team_domain: 'fake', channel_id: 'C0GENERAL', channel_name: 'general',
      user_id: user, user_name: user.toLowerCase(), command: '/join-pod', text, api_app_id: 'A0PODBOT',
      response_url: `${responseBase}${replyId}`, trigger_id: `trigger-${randomUUID()}`,
    }).toString();
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(SIGNING_SECRET, body) }, body });
  };
  // Warm up connections and the query engine, so the figures describe steady state, not the first request.
  for (let i = 0; i < 20; i++) await (await command(`UWARM${i}`, `no-such-pod-${i}`, `warm-${i}`)).text();

  const total = Math.round(rate * seconds);
  const ackMs: number[] = [];
  const sentAt: Record<string, number> = {};
  let notOk = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const replyId = `bench-${i}`;
    const t0 = performance.now();
    sentAt[replyId] = Date.now();
    inFlight.push(
      command(`UBENCH${i}`, process.env.BENCH_TEXT ?? `pod-${(i % podCount) + 1}`, replyId).then(async (res) => {
        await res.text();
        ackMs.push(performance.now() - t0);
        if (res.status !== 200) notOk++;
      }),
    );
  }
  await Promise.all(inFlight);
  process.stdout.write(`${JSON.stringify({ ackMs, sentAt, notOk, sendSeconds: (performance.now() - started) / 1000 })}\n`);
}

if (process.argv.includes('--client')) {
  await runClient(arg('client')!, process.argv[process.argv.indexOf('--client') + 2]);
  process.exit(0);
}

// Without --embedded or --postgres, run both, one after the other, each in its own process (the database helper
// settles on one kind when it loads).
if (!process.argv.includes('--embedded') && !process.argv.includes('--postgres')) {
  const passOn = process.argv.slice(2);
  for (const kind of ['--embedded', '--postgres']) {
    const run = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, kind, ...passOn], { stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
    if (code !== 0) console.log(`join-pod bench ${kind.slice(2)}: exited with ${code}${kind === '--postgres' ? ' (is a PostgreSQL server reachable at DATABASE_URL or 127.0.0.1:5432?)' : ''}`);
    console.log('');
  }
  process.exit(0);
}

const usePostgres = process.argv.includes('--postgres');
if (usePostgres) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
else delete process.env.TEST_DATABASE_URL;

// Imported after TEST_DATABASE_URL is settled: the database helper reads it when it loads.
const { freshDatabase } = await import('../test/support/database');
const { FakeSlack } = await import('../test/support/fake-slack');
const { FakeGitHub } = await import('../test/support/fake-github');
const { createApp } = await import('../src/app/create-app');
const { parseCommunityConfig } = await import('../src/app/community-config');
const { readEnv } = await import('../src/config/env');
const { features } = await import('../src/features');

const slack = await new FakeSlack().start();
const github = await new FakeGitHub().start();
const database = await freshDatabase();
const envResult = readEnv({
  PORT: '0',
  LOG_LEVEL: 'warn',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-bench-0123456789',
  SLACK_API_URL: slack.apiUrl,
  GITHUB_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
  GITHUB_TOKEN: 'ghp_bench0123456789abcdefghijklmnopqrstu',
  GITHUB_API_URL: github.apiUrl,
});
if (!envResult.ok) throw new Error(JSON.stringify(envResult.problems));
const pods = Array.from({ length: podCount }, (_, i) => ({
  name: `pod-${i + 1}`,
  area: `Area number ${i + 1}`,
  labels: [`area/${i + 1}`],
  advocates: [`UADV${i + 1}`],
  channel: `CPOD${i + 1}`,
  capacity: 9,
}));
const app = createApp({
  env: envResult.env,
  config: parseCommunityConfig(stringify({ pods })),
  database,
  log: pino({ level: 'warn' }),
  features,
  cron: false,
});
const port = await app.listen(0);
const url = `http://127.0.0.1:${port}/slack/events`;

const total = Math.round(rate * seconds);
const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--client', url, slack.responseUrl(''), '--rate', String(rate), '--seconds', String(seconds), '--pods', String(podCount)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
await new Promise((resolve) => child.on('exit', resolve));
const { ackMs, sentAt, notOk, sendSeconds } = JSON.parse(output.trim().split('\n').pop()!) as { ackMs: number[]; sentAt: Record<string, number>; notOk: number; sendSeconds: number };
const elapsed = sendSeconds;

// The answers arrive on each command's response_url once the join is done; wait for all of them.
const replyDeadline = Date.now() + 120_000;
const replies = () => slack.callsTo('response_url').filter((call) => String(call.args.response_url_id).startsWith('bench-'));
while (replies().length < total && Date.now() < replyDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
const replyMs: number[] = [];
const outcomes = new Map<string, number>();
for (const call of replies()) {
  replyMs.push(call.at - sentAt[String(call.args.response_url_id)]);
  const text = String(call.args.text ?? '');
  const kind = /^You joined/.test(text) ? 'joined' : /is full/.test(text) ? 'full (refused, alternative named)' : text.slice(0, 40);
  outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const ackP50 = percentile(ackMs, 50);
const ackP99 = percentile(ackMs, 99);
const memberships = await database.prisma.membership.count({ where: { leftAt: null } });
const full = await database.prisma.$queryRaw<{ over: number }[]>`
  SELECT count(*)::int AS over FROM "Pod" p WHERE (SELECT count(*) FROM "Membership" m WHERE m."podId" = p.id AND m."leftAt" IS NULL) > p.capacity`;

console.log(`database: ${database.kind}; ${total} × /join-pod <name> at ${rate}/s for ${seconds} s (sent over ${elapsed.toFixed(1)} s), ${podCount} pods of capacity 9`);
console.log(`acks: ${ackMs.length} (${notOk} not HTTP 200); answers on response_url: ${replyMs.length}`);
console.log(`outcomes: ${[...outcomes].map(([kind, n]) => `${kind}: ${n}`).join(', ')}`);
console.log(`memberships: ${memberships} (capacity ${podCount * 9}); pods over capacity: ${full[0].over}`);
console.log(`ack latency: p50 ${ackP50.toFixed(1)} ms, p99 ${ackP99.toFixed(1)} ms, max ${Math.max(...ackMs).toFixed(1)} ms`);
console.log(`ack p99 / Slack's 3,000 ms limit: ${(ackP99 / 3000).toFixed(4)} (${((ackP99 / 3000) * 100).toFixed(2)} %); goal p99 ≤ 50 ms: ${ackP99 <= 50 ? 'met' : 'NOT met'}`);
if (replyMs.length > 0) {
  console.log(`answer latency (request sent → answer posted to response_url): p50 ${percentile(replyMs, 50).toFixed(0)} ms, p99 ${percentile(replyMs, 99).toFixed(0)} ms`);
}

await app.close();
await database.destroy();
await slack.stop();
await github.stop();
