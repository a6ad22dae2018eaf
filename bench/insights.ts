// bench/insights: render time of every dashboard page and GET /api/insights over 5 years of history for a
// 2,000-contributor community (bench/insights-ledger.ts), against the real app. Prints numbers; not a pass/fail test.
//
//   npm run bench:insights                                   embedded database, 5 rounds per page
//   npm run bench:insights -- --rounds 10
//   TEST_DATABASE_URL=postgres://… npm run bench:insights    on a PostgreSQL server (a fresh database, dropped after)
import { startTestApp, TestClock, API_TOKEN } from '../test/support/test-app';
import { benchPods, CONTRIBUTORS, seedInsightsLedger, YEARS } from './insights-ledger';

const NOW = new Date('2026-11-23T09:00:00Z');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const GOAL_MS = 300;

async function main(): Promise<void> {
  const t = await startTestApp({ clock: new TestClock(NOW), config: { pods: benchPods() } });
  const seeded = await seedInsightsLedger(t.app.ctx.db, NOW);
  console.log(`ledger: ${seeded.pullRequests} pull requests and ${seeded.issues} issues by ${CONTRIBUTORS} contributors over ${YEARS} years, ${seeded.responses} responses (${t.app.ctx.dbKind} database)`);

  const pages = ['/dashboard', '/dashboard/pods/pod-3', '/dashboard/calls', '/api/insights', '/api/insights?pod=pod-3', '/dashboard?from=2021-12-01&to=2026-11-22', '/api/insights/pods.csv', '/api/insights/first-timers.csv'];
  // One unmeasured request per page first, so the figures are of a running server (plans and caches warm).
  for (const path of pages) await (await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } })).text();
  for (const path of pages) {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const began = performance.now();
      const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
      await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - began);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`${path.padEnd(48)} median ${median.toFixed(0).padStart(5)} ms  max ${times[times.length - 1].toFixed(0).padStart(5)} ms  (goal ≤ ${GOAL_MS} ms: ${(median / GOAL_MS).toFixed(2)}×)`);
  }
  await t.stop();
}

await main();
