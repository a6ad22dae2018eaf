// The overview page's first-timers: it reads only the ones it lists, and still counts them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { aPullRequest } from './support';

const NOW = new Date('2026-11-23T09:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: new TestClock(NOW), config: { pods: [{ name: 'docs', area: 'Docs', advocates: ['UALICE'], capacity: 9 }] } });
  const db = t.app.ctx.db;
  // 55 first-timers in 2026, one a day from 1 February; the first of them came back on 1 October.
  for (let i = 0; i < 55; i++) {
    await aPullRequest(db, { number: i + 1, author: `newcomer-${i}`, openedAt: new Date(Date.UTC(2026, 1, 1 + i)).toISOString() });
  }
  await aPullRequest(db, { number: 100, author: 'newcomer-0', openedAt: '2026-10-01T00:00:00Z' });
  await db.podMention.create({ data: { repo: 'acme/widgets', number: 55, podName: 'docs' } });
}, 120_000);
afterAll(() => t?.stop());

describe('the overview page', { timeout: 60_000 }, () => {
  it('counts every first-timer of the period and lists the 50 latest, newest first', async () => {
    const html = await (await t.api('/dashboard?from=2026-01-01&to=2026-11-22')).text();
    expect(html).toContain('<h2>First-timers (55)</h2>');
    expect(html).toContain('<p>The 50 most recent; the CSV has them all.</p>');
    const table = html.slice(html.indexOf('<table data-table="first-timers">'));
    const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr><td>(newcomer-\d+)<\/td><td>acme\/widgets#(\d+)<\/td><td>([\d-]+)<\/td><td>([^<]*)<\/td><\/tr>/g)];
    expect(rows.map((row) => row[1])).toEqual(Array.from({ length: 50 }, (_, i) => `newcomer-${54 - i}`));
    expect(rows[0].slice(2)).toEqual(['55', '2026-03-27', 'docs']);
    const csv = await (await t.api('/api/insights/first-timers.csv?from=2026-01-01&to=2026-11-22')).text();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 55);
  });

  it('says nothing of more when it lists them all', async () => {
    const html = await (await t.api('/dashboard?from=2026-03-01&to=2026-11-22')).text();
    expect(html).toContain('<h2>First-timers (27)</h2>');
    expect(html).not.toContain('most recent; the CSV has them all');
  });
});
