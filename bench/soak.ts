// npm run bench:soak: mixed traffic through the real app for SOAK_MINUTES (default 10) with injected faults, then
// prints what was delivered, lost, duplicated and dead-lettered, and RSS over time. Goal: lost 0, duplicated 0,
// RSS flat.
//
// Traffic, every second: team_join events (each must get one welcome DM), first issues from new GitHub logins (each
// must get one welcome comment), slash commands and release.published deliveries (counted by their answers).
// Faults, at fixed points of the run: Slack 5xx bursts, GitHub 5xx bursts, 429 bursts on top of a 5/s limit on
// chat.postMessage, answers lost after Slack or GitHub did the work (connection resets), and a 30 s database outage
// (PostgreSQL only: ALTER DATABASE … ALLOW_CONNECTIONS false and pg_terminate_backend on the run's own database).
//
// DATABASE_URL (or TEST_DATABASE_URL) points at a PostgreSQL server; the run creates and drops its own database
// there. Without it the run uses the embedded database and skips the outage.
//
// Events and deliveries acknowledged with 2xx whose message never appeared are counted as "acked, never queued":
// that is incoming-request loss, not outbox loss, and is reported separately.
import pg from 'pg';

process.env.TEST_DATABASE_URL ||= process.env.DATABASE_URL ?? '';
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 2);
const DURATION_MS = MINUTES * 60_000;

const { startTestApp } = await import('../test/support/test-app');
const { onPostgres, testDatabaseUrl } = await import('../test/support/database');
const { anIssueEvent } = await import('../test/welcome/github-payloads');

const t = await startTestApp({ config: { welcome: { community: 'Soak' } }, env: { LOG_LEVEL: 'warn' } });
t.logs.length = 0;
t.slack.rateLimit('chat.postMessage', { perSecond: 5, burst: 5 });

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const rss: { atS: number; mb: number }[] = [];
const answers = new Map<string, Map<number, number>>();
function answered(kind: string, status: number) {
  const byStatus = answers.get(kind) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  answers.set(kind, byStatus);
}
const ackedUsers: string[] = [];
const ackedIssues: { repo: string; number: number }[] = [];
const started = performance.now();
const elapsed = () => performance.now() - started;

/** Cuts the run's database off for `ms` (PostgreSQL), as an operator's restart or a failover would. */
async function databaseOutage(ms: number): Promise<string> {
  if (!onPostgres) return 'skipped (embedded database)';
  const name = new URL(t.db.url!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  await new Promise((resolve) => setTimeout(resolve, ms));
  await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
  await admin.end();
  return `${ms / 1000} s`;
}

const faults: { at: number; name: string; run: () => Promise<string> | string }[] = [
  { at: 0.1, name: 'Slack 5xx burst', run: () => (t.slack.failNext('chat.postMessage', 30, { status: 503 }), '30 × 503') },
  { at: 0.2, name: 'GitHub 5xx burst', run: () => (t.github.failNext(/^POST \/repos\/.*\/comments$/, 15, { status: 502 }), '15 × 502') },
  { at: 0.3, name: '429 burst', run: () => (t.slack.failNext('chat.postMessage', 20, { status: 429, retryAfter: 2 }), '20 × 429, Retry-After 2') },
  {
    at: 0.4,
    name: 'answers lost after delivery',
    run: () => {
      t.slack.loseAnswerNext('chat.postMessage', 5, 'reset');
      t.github.loseAnswerNext(/^POST \/repos\/.*\/comments$/, 5, 'reset');
      return '5 Slack + 5 GitHub resets';
    },
  },
  { at: 0.55, name: 'database outage', run: () => databaseOutage(30_000) },
  { at: 0.75, name: 'Slack 5xx burst', run: () => (t.slack.failNext('*', 40, { status: 500 }), '40 × 500 on every method') },
];
const faultLog: string[] = [];
const faultRuns: Promise<void>[] = [];

let tick = 0;
const sends: Promise<void>[] = [];
async function post(kind: string, send: () => Promise<Response>, onOk: () => void): Promise<void> {
  try {
    const res = await send();
    await res.arrayBuffer();
    answered(kind, res.status);
    if (res.status >= 200 && res.status < 300) onOk();
  } catch {
    answered(kind, 0);
  }
}

while (elapsed() < DURATION_MS) {
  const second = tick++;
  for (const fault of faults) {
    if (fault.at >= 0 && elapsed() >= fault.at * DURATION_MS) {
      fault.at = -1;
      const at = Math.round(elapsed() / 1000);
      faultRuns.push(Promise.resolve(fault.run()).then((what) => void faultLog.push(`${at}s ${fault.name}: ${what}`)));
    }
  }
  for (let i = 0; i < RATE; i++) {
    const user = `U0SOAK${second}X${i}`;
    sends.push(post('slack event team_join', () => t.event({ type: 'team_join', user: { id: user, name: user.toLowerCase() } }), () => ackedUsers.push(user)));
  }
  const number = second + 1;
  const issue = anIssueEvent('opened', { repo: 'soak/repo', number, login: `soaker${number}`, title: `Soak ${number}` });
  sends.push(post('github issues.opened', () => t.webhook('issues', issue), () => ackedIssues.push({ repo: 'soak/repo', number })));
  sends.push(post('slash command /pod', () => t.command('/pod', 'list', `U0CMD${second}`), () => {}));
  if (second % 30 === 0) {
    const release = { action: 'published', release: { id: second, tag_name: `v0.${second}.0`, name: `v0.${second}.0`, body: '', draft: false, prerelease: false, html_url: 'https://github.com/soak/repo/releases' }, repository: issue.repository, sender: { login: 'maintainer' } };
    sends.push(post('github release.published', () => t.webhook('release', release), () => {}));
  }
  if (second % Math.max(1, Math.round(DURATION_MS / 10_000)) === 0) rss.push({ atS: Math.round(elapsed() / 1000), mb: mb(process.memoryUsage().rss) });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, (second + 1) * 1000 - elapsed())));
}
await Promise.all(sends);
await Promise.all(faultRuns);
// Let everything queued go out: retries after the faults back off for up to a few minutes.
const settleStarted = performance.now();
await t.drain({ includeFuture: true, timeoutMs: 15 * 60_000 }).catch((error) => console.log(`drain: ${(error as Error).message}`));
const settleS = Math.round((performance.now() - settleStarted) / 1000);
rss.push({ atS: Math.round(elapsed() / 1000), mb: mb(process.memoryUsage().rss) });

const prisma = t.db.prisma;
const dmCounts = ackedUsers.map((user) => (t.slack.history.get(`D${user.slice(1)}`) ?? []).length);
const commentCounts = ackedIssues.map(({ repo, number }) => t.github.commentsOn(repo, number).filter((c) => c.body.includes('podbot:job welcome:gh:')).length);
const queuedDms = await prisma.outboxJob.count({ where: { key: { startsWith: 'welcome:slack:U0SOAK' } } });
const dead = await prisma.outboxJob.groupBy({ by: ['status'], _count: true });
const pace = await prisma.outboxPace.findMany();

const report = {
  durationMin: MINUTES,
  database: onPostgres ? 'postgresql' : 'embedded',
  faults: faultLog,
  answers: Object.fromEntries([...answers].map(([kind, byStatus]) => [kind, Object.fromEntries(byStatus)])),
  welcomeDms: {
    acked: ackedUsers.length,
    queued: queuedDms,
    delivered: dmCounts.filter((n) => n >= 1).length,
    lost: dmCounts.filter((n) => n === 0).length,
    duplicated: dmCounts.filter((n) => n > 1).length,
    ackedNeverQueued: ackedUsers.length - queuedDms,
  },
  welcomeComments: {
    acked: ackedIssues.length,
    delivered: commentCounts.filter((n) => n >= 1).length,
    lost: commentCounts.filter((n) => n === 0).length,
    duplicated: commentCounts.filter((n) => n > 1).length,
  },
  outboxByStatus: Object.fromEntries(dead.map((row) => [row.status, row._count])),
  deadLettered: dead.filter((row) => row.status === 'dead' || row.status === 'failed').reduce((sum, row) => sum + row._count, 0),
  learnedPace: pace.map((row) => ({ target: row.target, bucket: row.bucket, callsPerSecond: (row.state as { rate: number | null }).rate })),
  settleSeconds: settleS,
  rssMb: rss,
  errorLogs: t.logs.filter((l) => l.level >= 50).length,
};
console.log(JSON.stringify(report, null, 2));
await t.stop();
process.exit(0);
