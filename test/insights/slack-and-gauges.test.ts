// /pod health, /pod dashboard-link and /pod help through the real Slack surface, and the headline gauges through
// GET /metrics, on a hand-worked ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandReply } from '../pods/app-helpers';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { aPullRequest, aResponse } from './support';

const NOW = new Date('2026-11-23T09:00:00Z');
const clock = new TestClock(NOW);
let t: TestApp;

/** One gauge's sample in the Prometheus text, as written (so NaN stays NaN). */
function sample(metrics: string, name: string): string | undefined {
  return metrics.split('\n').find((line) => line.startsWith(`${name} `))?.slice(name.length + 1);
}

beforeAll(async () => {
  t = await startTestApp({
    clock,
    config: { admins: ['UADMIN'], pods: [{ name: 'docs', area: 'Documentation', advocates: ['UALICE'], capacity: 9 }] },
  });
  const db = t.app.ctx.db;
  // The 90 days before the last 90 (27 May – 25 Aug): two first-timers, one of whom came back within 90 days.
  await aPullRequest(db, { number: 1, author: 'erin', openedAt: '2026-06-10T00:00:00Z' });
  await aPullRequest(db, { number: 2, author: 'erin', openedAt: '2026-07-01T00:00:00Z' });
  await aPullRequest(db, { number: 3, author: 'fay', openedAt: '2026-06-20T00:00:00Z' });
  // Long before: cy's first.
  await aPullRequest(db, { number: 5, author: 'cy', openedAt: '2025-01-01T00:00:00Z' });
  // The last 90 days: ada and bo are new, cy and erin come back.
  await aPullRequest(db, { number: 10, author: 'ada', openedAt: '2026-10-01T00:00:00Z' });
  await aPullRequest(db, { number: 11, author: 'ada', openedAt: '2026-10-15T00:00:00Z' });
  await aPullRequest(db, { number: 12, author: 'bo', openedAt: '2026-11-01T00:00:00Z' });
  await aPullRequest(db, { number: 13, author: 'cy', openedAt: '2026-10-20T00:00:00Z' });
  await aPullRequest(db, { number: 14, author: 'erin', openedAt: '2026-11-10T00:00:00Z' });
  await aResponse(db, { number: 10, by: 'reviewer', at: '2026-10-01T02:00:00Z', kind: 'review' }); // 2 h
  await aResponse(db, { number: 12, by: 'reviewer', at: '2026-11-01T06:00:00Z' }); // 6 h
  await aResponse(db, { number: 13, by: 'someone', at: '2026-10-20T10:00:00Z' }); // 10 h
  // ada and bo are docs members; the docs advocate answers on GitHub as "reviewer".
  const pod = await db.pod.findUniqueOrThrow({ where: { name: 'docs' } });
  for (const login of ['ada', 'bo']) {
    const person = await db.contributor.create({ data: { slackUserId: `U${login.toUpperCase()}`, githubLogin: login, githubLoginLower: login } });
    await db.membership.create({ data: { podId: pod.id, contributorId: person.id } });
  }
  await db.contributor.upsert({
    where: { slackUserId: 'UALICE' },
    create: { slackUserId: 'UALICE', githubLogin: 'reviewer', githubLoginLower: 'reviewer' },
    update: { githubLogin: 'reviewer', githubLoginLower: 'reviewer' },
  });
}, 120_000);
afterAll(() => t?.stop());

describe('insights in Slack and Prometheus', { timeout: 60_000 }, () => {
  it('/pod health answers the pod’s last 90 days only to the asker, with a link to its page', async () => {
    const reply = await commandReply(t, '/pod', 'health docs', 'UANY');
    expect(reply.response_type).toBe('ephemeral');
    // docs' scope is ada's and bo's pull requests: 10, 11 and 12; answered in 2 h and 6 h, both by the advocate.
    expect(reply.text.split('\n').slice(1)).toEqual([
      '• Members: 2/9 (22 % full), 1 advocate',
      '• New contributors: 2; retention (90 days): —',
      '• Time to first response: median 4 h, first-timers 4 h',
      '• Active contributors: 2; absence factor: 1',
      '• Pull requests: 3 opened, 0 closed (0 merged); advocate median response 4 h',
      '<https://podbot.example.org/dashboard/pods/docs|Open the pod’s dashboard page>',
    ]);
  });

  it('/pod health says what is wrong with a missing or unknown pod', async () => {
    expect((await commandReply(t, '/pod', 'health', 'UANY')).text).toBe('`/pod health <name>` needs a pod name, like `/pod health docs`.');
    expect((await commandReply(t, '/pod', 'health nope', 'UANY')).text).toBe('There is no active pod called `nope`. `/pod list` shows them all.');
  });

  it('/pod dashboard-link gives admins a link that opens the dashboard until it expires', async () => {
    expect((await commandReply(t, '/pod', 'dashboard-link', 'UANY')).text).toBe('Only podbot admins (`admins` in podbot.yml) can make dashboard links.');
    expect((await commandReply(t, '/pod', 'dashboard-link 31', 'UADMIN')).text).toBe('`/pod dashboard-link [days]`: days is a whole number from 1 to 30 (default 7).');
    const reply = await commandReply(t, '/pod', 'dashboard-link 2', 'UADMIN');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('valid until 2026-11-25 09:00 UTC');
    const link = /https:\/\/podbot\.example\.org(\/dashboard\?token=\S+)/.exec(reply.text)?.[1];
    expect(link).toBeDefined();
    const opened = await fetch(`${t.url}${link}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${t.url}/dashboard/pods/docs`, { headers: { cookie } })).status).toBe(200);
    clock.advance(2 * 86_400_000 + 1_000);
    try {
      expect((await fetch(`${t.url}${link}`, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(`${t.url}/dashboard/pods/docs`, { headers: { cookie } })).status).toBe(401);
    } finally {
      clock.set(NOW);
    }
  });

  it('/pod help lists /pod health and /pod dashboard-link', async () => {
    const help = (await commandReply(t, '/pod', 'help', 'UANY')).text;
    expect(help).toContain('`/pod health <name>`');
    expect(help).toContain('`/pod dashboard-link [days]`');
  });

  it('exposes the headline figures as gauges on /metrics', async () => {
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(sample(metrics, 'podbot_insights_new_contributors')).toBe('2'); // ada, bo
    expect(sample(metrics, 'podbot_insights_active_contributors')).toBe('4'); // ada, bo, cy, erin
    expect(sample(metrics, 'podbot_insights_newcomer_retention_ratio')).toBe('0.5'); // erin came back, fay did not
    expect(sample(metrics, 'podbot_insights_first_response_median_hours')).toBe('6'); // of 2, 6 and 10 h
    expect(sample(metrics, 'podbot_insights_absence_factor')).toBe('2'); // ada's 2 of 5 are not half; ada and bo are
    expect(sample(metrics, 'podbot_insights_pod_fill_ratio{pod="docs"}')).toBe('0.22');
  });
});

describe('insight gauges on an empty ledger', { timeout: 60_000 }, () => {
  it('reports figures that do not exist yet as NaN, and counts as 0', async () => {
    const empty = await startTestApp({ clock: new TestClock(NOW) });
    try {
      const metrics = await (await fetch(`${empty.url}/metrics`)).text();
      expect(sample(metrics, 'podbot_insights_new_contributors')).toBe('0');
      // prom-client writes NaN as "Nan"; Prometheus parses floats case-insensitively.
      expect(sample(metrics, 'podbot_insights_newcomer_retention_ratio')).toMatch(/^nan$/i);
      expect(sample(metrics, 'podbot_insights_first_response_median_hours')).toMatch(/^nan$/i);
    } finally {
      await empty.stop();
    }
  });
});
