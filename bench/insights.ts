// bench/insights: render time of every dashboard page and GET /api/insights over 5 years of history for a
// 2,000-contributor community, against the real app and the embedded database. Prints numbers; not a pass/fail test.
//
//   npx tsx bench/insights.ts              2,000 contributors, 5 years, 5 rounds per page
//   npx tsx bench/insights.ts --rounds 10
//
// The ledger is generated deterministically: contribution counts follow a long tail (a few people open most pull
// requests, as in real projects), 80 % of pull requests get a first response (half of them reviews), 10 pods of 9.
import { startTestApp, TestClock, API_TOKEN } from '../test/support/test-app';

const CONTRIBUTORS = 2_000;
const YEARS = 5;
const NOW = new Date('2026-11-23T09:00:00Z');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const GOAL_MS = 300;

let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

async function main(): Promise<void> {
  const pods = Array.from({ length: 10 }, (_, i) => ({ name: `pod-${i}`, area: `Area ${i}`, advocates: [`UADV${i}`], capacity: 9 }));
  const t = await startTestApp({ clock: new TestClock(NOW), config: { pods } });
  const db = t.app.ctx.db;
  const start = NOW.getTime() - YEARS * 365 * 86_400_000;
  const span = NOW.getTime() - start;
  const entries: { repo: string; number: number; kind: string; authorLogin: string; authorLoginLower: string; association: string; openedAt: Date; merged: boolean; mergedAt: Date | null }[] = [];
  const responses: { repo: string; number: number; responderLogin: string; responderLoginLower: string; kind: string; respondedAt: Date; githubId: string }[] = [];
  let number = 0;
  for (let c = 0; c < CONTRIBUTORS; c++) {
    const login = `person-${c}`;
    const prs = Math.max(1, Math.round(400 / (c + 1) ** 0.8 + random() * 3));
    const first = start + random() * span;
    for (let k = 0; k < prs; k++) {
      const opened = new Date(first + random() * (NOW.getTime() - first));
      number++;
      const merged = random() < 0.7;
      entries.push({ repo: 'acme/widgets', number, kind: 'pr', authorLogin: login, authorLoginLower: login, association: 'CONTRIBUTOR', openedAt: opened, merged, mergedAt: merged ? new Date(opened.getTime() + 86_400_000) : null });
      if (random() < 0.8) {
        const responder = `person-${Math.floor(random() * 40)}`;
        responses.push({ repo: 'acme/widgets', number, responderLogin: responder, responderLoginLower: responder, kind: random() < 0.5 ? 'review' : 'comment', respondedAt: new Date(opened.getTime() + random() * 72 * 3_600_000), githubId: `r${number}` });
      }
    }
  }
  for (let i = 0; i < entries.length; i += 5_000) await db.ledgerEntry.createMany({ data: entries.slice(i, i + 5_000) });
  for (let i = 0; i < responses.length; i += 5_000) await db.itemResponse.createMany({ data: responses.slice(i, i + 5_000) });
  for (let i = 0; i < 10; i++) {
    for (let m = 0; m < 9; m++) {
      const c = i * 9 + m;
      const contributor = await db.contributor.create({ data: { slackUserId: `UMEMBER${c}`, githubLogin: `person-${c * 7}`, githubLoginLower: `person-${c * 7}` } });
      const pod = await db.pod.findUniqueOrThrow({ where: { name: `pod-${i}` } });
      await db.membership.create({ data: { podId: pod.id, contributorId: contributor.id } });
    }
  }
  await db.podMention.createMany({ data: entries.filter((_, i) => i % 7 === 0).map((e, i) => ({ repo: e.repo, number: e.number, podName: `pod-${i % 10}` })) });
  await db.$executeRawUnsafe('ANALYZE');
  console.log(`ledger: ${entries.length} pull requests by ${CONTRIBUTORS} contributors over ${YEARS} years, ${responses.length} responses (${t.app.ctx.dbKind} database)`);

  const pages = ['/dashboard', '/dashboard/pods/pod-3', '/dashboard/calls', '/api/insights', '/api/insights?pod=pod-3', '/dashboard?from=2021-12-01&to=2026-11-22'];
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
