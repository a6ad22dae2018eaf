import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../support/database';
import { FakeGitHub, type FakeSearchItem } from '../support/fake-github';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { watchAt, watchKeys } from './watch-app';

// Items that were open before podbot was installed are found at start-up: one search request per repository (the
// configured ones and those in the ledger), and only unanswered items by first-timers become watches.

const NOW = '2026-11-30T09:00:00Z'; // a Monday

const config = {
  admins: ['U0ADMIN'],
  pods: [{ name: 'docs', area: 'Docs', labels: ['area/docs'], advocates: ['U0ADA'], channel: 'C0DOCS' }],
  welcome: { firstResponse: { repositories: ['octo/app'], lookbackDays: 30 } },
};

function anItem(repo: string, o: Partial<FakeSearchItem> & { number: number; login?: string; type?: string }): FakeSearchItem {
  return {
    number: o.number,
    title: o.title ?? `Old item ${o.number}`,
    html_url: `https://github.com/${repo}/${o.pull_request ? 'pull' : 'issues'}/${o.number}`,
    state: o.state ?? 'open',
    user: { login: o.login ?? 'oldtimer', type: o.type ?? 'User' },
    author_association: o.author_association ?? 'FIRST_TIME_CONTRIBUTOR',
    created_at: o.created_at ?? '2026-11-25T09:00:00Z',
    comments: o.comments ?? 0,
    labels: o.labels ?? [],
    ...(o.pull_request ? { pull_request: o.pull_request } : {}),
  };
}

describe('picking up open items at start-up', () => {
  const clock = new TestClock(new Date(NOW));
  let github: FakeGitHub;
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    github = await new FakeGitHub().start();
    github.searchable.set('octo/app', [
      anItem('octo/app', { number: 1, login: 'waiting-newbie', labels: [{ name: 'area/docs' }], created_at: '2026-11-25T09:00:00Z' }),
      anItem('octo/app', { number: 2, login: 'answered-newbie', comments: 2 }),
      anItem('octo/app', { number: 3, login: 'renovate[bot]', type: 'Bot', author_association: 'NONE', pull_request: { url: 'x' } }),
      anItem('octo/app', { number: 4, login: 'a-member', author_association: 'MEMBER' }),
      anItem('octo/app', { number: 5, login: 'closed-newbie', state: 'closed' }),
      anItem('octo/app', { number: 6, login: 'long-ago', created_at: '2026-09-01T09:00:00Z' }),
      anItem('octo/app', { number: 7, login: 'recent-newbie', created_at: '2026-11-29T20:00:00Z', pull_request: { url: 'x' } }),
    ]);
    // A repository podbot.yml does not list, but the ledger knows from an earlier backfill; its author has a merged PR
    // there already, so their new PR is not a first one.
    github.searchable.set('octo/site', [
      anItem('octo/site', { number: 50, login: 'returning', author_association: 'CONTRIBUTOR', pull_request: { url: 'x' } }),
      anItem('octo/site', { number: 51, login: 'site-newbie', author_association: 'NONE', created_at: '2026-11-20T09:00:00Z' }),
    ]);
    db = await freshDatabase();
    await db.prisma.ledgerEntry.create({
      data: { repo: 'octo/site', number: 10, kind: 'pr', authorLogin: 'returning', authorLoginLower: 'returning', association: 'CONTRIBUTOR', openedAt: new Date('2026-06-01T00:00:00Z'), merged: true, mergedAt: new Date('2026-06-02T00:00:00Z') },
    });
    t = await startTestApp({
      clock,
      db,
      github,
      config,
    });
  });
  afterAll(async () => {
    const slack = t?.slack;
    await t?.stop();
    await slack?.stop();
    await github?.stop();
  });

  it('asks GitHub once per repository, for open items of the lookback window, oldest first', () => {
    const searches = github.requestsTo('GET', /^\/search\/issues$/);
    expect(searches.map((r) => r.query.get('q')).sort()).toEqual(['repo:octo/app is:open created:>=2026-10-31', 'repo:octo/site is:open created:>=2026-10-31']);
    for (const search of searches) expect([search.query.get('sort'), search.query.get('order'), search.query.get('per_page')]).toEqual(['created', 'asc', '100']);
  });

  it("watches only the unanswered first-timers' items, with their Pods from labels", async () => {
    const watches = await t.db.prisma.firstResponseWatch.findMany({ orderBy: [{ repo: 'asc' }, { number: 'asc' }], select: { repo: true, number: true, kind: true, authorLogin: true, pods: true, source: true } });
    expect(watches).toEqual([
      { repo: 'octo/app', number: 1, kind: 'issue', authorLogin: 'waiting-newbie', pods: ['docs'], source: 'startup' },
      { repo: 'octo/app', number: 7, kind: 'pr', authorLogin: 'recent-newbie', pods: [], source: 'startup' },
      { repo: 'octo/site', number: 51, kind: 'issue', authorLogin: 'site-newbie', pods: [], source: 'startup' },
    ]);
  });

  it('tells people about them like any other item; one already twice overdue goes to the admins at once', async () => {
    await watchAt(t, clock, NOW);
    // octo/app#1: opened Wednesday 09:00, so two working days ran out on Friday and four run out on Tuesday.
    expect(watchKeys(t, 'U0ADA')).toEqual(['newcomers:first-response:octo/app#1:nudge:U0ADA']);
    expect(watchKeys(t, 'C0DOCS')).toEqual(['newcomers:first-response:octo/app#1:nudge:C0DOCS']);
    // octo/site#51: opened ten days ago, no Pod: the admins get the nudge and the escalation. octo/app#7 is not due.
    expect(watchKeys(t, 'U0ADMIN')).toEqual(['newcomers:first-response:octo/site#51:nudge:U0ADMIN', 'newcomers:first-response:octo/site#51:escalate:U0ADMIN']);
  });

  it('finds nothing new on the next start, and does not repeat a step', async () => {
    await t.stop({ keepDatabase: true, keepFakes: true });
    t = await startTestApp({ clock, db, github, slack: t.slack, config });
    expect(github.requestsTo('GET', /^\/search\/issues$/)).toHaveLength(4);
    expect(await t.db.prisma.firstResponseWatch.count()).toBe(3);
    await watchAt(t, clock, '2026-11-30T09:05:00Z');
    expect(watchKeys(t, 'U0ADMIN')).toHaveLength(2);
    expect(watchKeys(t, 'U0ADA')).toHaveLength(1);
  });

  it('keeps going when one repository cannot be searched', async () => {
    await t.stop({ keepDatabase: true, keepFakes: true });
    github.searchable.set('octo/app', [...github.searchable.get('octo/app')!, anItem('octo/app', { number: 8, login: 'another-newbie', created_at: '2026-11-29T09:00:00Z' })]);
    github.searchable.set('octo/site', [...github.searchable.get('octo/site')!, anItem('octo/site', { number: 52, login: 'late-newbie', created_at: '2026-11-29T09:00:00Z' })]);
    github.failNext(/^GET \/search\/issues$/, 1, { status: 422 });
    t = await startTestApp({ clock, db, github, slack: t.slack, config });
    const numbers = (await t.db.prisma.firstResponseWatch.findMany({ select: { number: true } })).map((w) => w.number);
    // podbot.yml's repositories come first: octo/app's search failed, octo/site's went on.
    expect(numbers.filter((n) => n === 8 || n === 52)).toEqual([52]);
    // The start-up task retries with backoff, searching only the repository that failed.
    const searches = github.requestsTo('GET', /^\/search\/issues$/).length;
    const deadline = Date.now() + 15_000;
    const watched = async () => (await t.db.prisma.firstResponseWatch.findMany({ where: { number: { in: [8, 52] } }, select: { number: true } })).map((w) => w.number).sort((a, b) => a - b);
    while ((await watched()).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await watched()).toEqual([8, 52]);
    const retried = github.requestsTo('GET', /^\/search\/issues$/).slice(searches);
    expect(retried).toHaveLength(1);
    expect(String(retried[0].query.get('q'))).toContain('repo:octo/app');
  });
});
