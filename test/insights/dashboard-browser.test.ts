/// <reference lib="dom" />
// The dashboard in headless Chromium (playwright-core against the system browser; never a downloaded one).
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveDashboardKey, signAccessToken } from '../../src/insights/core/access-token';
import { API_TOKEN, startTestApp, TestClock, type TestApp } from '../support/test-app';
import { aPullRequest, aResponse } from './support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NOW = new Date('2026-11-23T09:00:00Z');
const SHOTS = join(tmpdir(), 'podbot-dashboard-screenshots');

let t: TestApp;
let browser: Browser;

async function openPage(path: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${t.url}${path}`);
  return page;
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${t.url}/dashboard/sign-in`);
  await page.fill('input[name=token]', API_TOKEN);
  await Promise.all([page.waitForURL(`${t.url}/dashboard`), page.click('button[type=submit]')]);
}

/** Non-blank pixels of a canvas: proof the chart drew something, not just that the element exists. */
function inkOf(page: Page, id: string): Promise<number> {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  }, id);
}

describe.skipIf(!existsSync(CHROMIUM))('dashboard in a browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    console.log(`dashboard screenshots: ${SHOTS}`);
    t = await startTestApp({
      clock: new TestClock(NOW),
      config: {
        pods: [{ name: 'docs', area: 'Documentation <docs>', advocates: ['UALICE'], capacity: 9 }],
        calls: [{ slug: 'community-call', name: 'Community call', channel: 'C0CALLS', schedule: { every: 'week', weekday: 'wednesday' }, time: '16:00', timezone: 'Europe/London', link: 'https://meet.example.org/podbot' }],
      },
    });
    const db = t.app.ctx.db;
    const people = ['ada', 'bo', 'cy', '<script>alert(1)</script>', 'di', 'ed'];
    let n = 0;
    for (const [i, person] of people.entries()) {
      for (let k = 0; k <= i % 3; k++) {
        n++;
        const opened = new Date(Date.UTC(2026, (i * 2 + k) % 10, 3 + k, 10));
        await aPullRequest(db, { number: n, author: person, openedAt: opened.toISOString(), ...(k === 0 ? { mergedAt: new Date(opened.getTime() + 86_400_000).toISOString() } : {}) });
        if (k === 0) await aResponse(db, { number: n, by: 'reviewer', at: new Date(opened.getTime() + (i + 1) * 3_600_000).toISOString(), kind: 'review' });
      }
    }
    await db.podMention.create({ data: { repo: 'acme/widgets', number: 1, podName: 'docs' } });
    await db.podMention.create({ data: { repo: 'acme/widgets', number: 2, podName: 'docs' } });
    for (const [i, start] of ['2026-10-07T15:00:00Z', '2026-10-14T15:00:00Z', '2026-10-21T15:00:00Z'].entries()) {
      for (let k = 0; k <= i; k++) await db.rsvp.create({ data: { callSlug: 'community-call', occurrenceStart: new Date(start), slackUserId: `U${k}`, status: 'going' } });
      await db.agendaItem.create({ data: { callSlug: 'community-call', occurrenceStart: new Date(start), topic: 'roadmap', addedBy: 'U1' } });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('refuses every page and asset without a token, and an expired link', async () => {
    for (const path of ['/dashboard', '/dashboard/pods/docs', '/dashboard/calls', '/dashboard/assets/chart.umd.min.js', '/dashboard/export/first-timers.csv']) {
      expect((await fetch(`${t.url}${path}`)).status, path).toBe(401);
    }
    expect((await fetch(`${t.url}/api/insights`)).status).toBe(401);
    const expired = signAccessToken(deriveDashboardKey(API_TOKEN), 'link', new Date(NOW.getTime() - 1000));
    const errors: string[] = [];
    const page = await openPage(`/dashboard?token=${expired}`, errors);
    expect(await page.locator('[role=alert]').textContent()).toContain('expired');
    const forged = signAccessToken(deriveDashboardKey('another-token-0123456789'), 'link', new Date(NOW.getTime() + 86_400_000));
    expect((await fetch(`${t.url}/dashboard?token=${forged}`, { redirect: 'manual' })).status).toBe(401);
    await page.close();
  });

  it('signs in and shows the overview with charts that match /api/insights', async () => {
    const errors: string[] = [];
    const page = await openPage('/dashboard/sign-in', errors);
    await signIn(page);
    const api = (await (await t.api('/api/insights')).json()) as { metrics: Record<string, unknown>; trend: { month: string; newContributors: number; medianResponseHours: number | null }[] };
    expect(await page.locator('[data-metric=newContributors]').textContent()).toBe(String(api.metrics.newContributors));
    expect(await page.locator('[data-metric=activeContributors]').textContent()).toBe(String(api.metrics.activeContributors));
    expect(await page.locator('[data-metric=absenceFactor]').textContent()).toBe(String(api.metrics.absenceFactor));
    const drawn = await page.evaluate(() => {
      const chartOf = (window as unknown as { Chart: { getChart(c: Element): { data: { labels: string[]; datasets: { data: (number | null)[] }[] } } } }).Chart;
      const one = (id: string) => chartOf.getChart(document.getElementById(id)!).data;
      return { newcomers: one('chart-new-contributors'), response: one('chart-response') };
    });
    expect(drawn.newcomers.labels).toEqual(api.trend.map((m) => m.month));
    expect(drawn.newcomers.datasets[0].data).toEqual(api.trend.map((m) => m.newContributors));
    expect(drawn.response.datasets[0].data).toEqual(api.trend.map((m) => m.medianResponseHours));
    expect(await inkOf(page, 'chart-new-contributors')).toBeGreaterThan(500);
    expect(await inkOf(page, 'chart-response')).toBeGreaterThan(500);
    // The login that looks like markup is shown as text.
    expect(await page.locator('[data-table=first-timers]').textContent()).toContain('<script>alert(1)</script>');
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a pod page and the calls page, and a valid link signs in', async () => {
    const link = signAccessToken(deriveDashboardKey(API_TOKEN), 'link', new Date(NOW.getTime() + 86_400_000));
    const errors: string[] = [];
    const page = await openPage(`/dashboard/pods/docs?token=${link}`, errors);
    expect(page.url()).toBe(`${t.url}/dashboard/pods/docs`); // the token left the address bar
    const api = (await (await t.api('/api/insights?pod=docs')).json()) as { metrics: { opened: number } };
    const activity = await page.evaluate(() => (window as any).Chart.getChart(document.getElementById('chart-activity')).data.datasets[0].data as number[]);
    expect(activity.reduce((a, b) => a + b, 0)).toBe(api.metrics.opened);
    expect(await inkOf(page, 'chart-activity')).toBeGreaterThan(500);
    await page.screenshot({ path: join(SHOTS, 'pod-docs.png'), fullPage: true });

    await page.goto(`${t.url}/dashboard/calls`);
    const calls = (await (await t.api('/api/insights')).json()) as { calls: { held: number; rsvpsGoing: number }[] };
    expect(await page.locator('[data-metric="calls.community-call.held"]').textContent()).toBe(String(calls.calls[0].held));
    expect(calls.calls[0]).toMatchObject({ held: 3, rsvpsGoing: 6 });
    expect(await inkOf(page, 'chart-attendance-community-call')).toBeGreaterThan(500);
    await page.screenshot({ path: join(SHOTS, 'calls.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the first-timers of a period as CSV', async () => {
    const response = await t.api('/api/insights/first-timers.csv?from=2026-01-01&to=2026-12-31');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('login,repo,first_pr,first_pr_url,date,pods');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['ada', 'ed', 'bo', 'cy', '<script>alert(1)</script>', 'di']); // by first PR date; ada and ed tie, ada was recorded first
  });
});
