import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/clients/github';
import { backfillRepo } from '../../src/ledger/backfill';
import { freshDatabase, type TestDatabase } from '../support/database';
import { FakeGitHub } from '../support/fake-github';
import { GITHUB_TOKEN } from '../support/test-app';
import { aRepositoryHistory, serveListings } from './github-listings';

describe('npm run backfill', () => {
  let db: TestDatabase;
  let github: FakeGitHub;
  let client: ReturnType<typeof createGitHubClient>;
  beforeAll(async () => {
    db = await freshDatabase();
    github = await new FakeGitHub().start();
    // No client-side retries, so an injected failure stops the run the way a long outage would.
    client = createGitHubClient({ auth: { kind: 'token', token: GITHUB_TOKEN }, apiUrl: github.apiUrl }, pino({ level: 'silent' }), { retries: 0 });
  });
  afterAll(async () => {
    await github?.stop();
    await db?.destroy();
  });

  it('fills the ledger from both listings, page by page, reporting progress', async () => {
    serveListings(github, 'o/full', aRepositoryHistory(250));
    const lines: string[] = [];
    const result = await backfillRepo({ db: db.prisma, github: client, repo: 'o/full', progress: (line) => lines.push(line) });
    expect(result).toEqual({ pages: { issues: 3, pulls: 1 }, items: { issues: 250, pulls: 83 }, resumed: [] });
    expect(lines).toEqual([
      'o/full issues: page 1, 100 items so far',
      'o/full issues: page 2, 200 items so far',
      'o/full issues: page 3, 250 items so far, done',
      'o/full pulls: page 1, 83 items so far, done',
    ]);
    expect(await db.prisma.ledgerEntry.count({ where: { repo: 'o/full' } })).toBe(250);
    expect(await db.prisma.ledgerEntry.count({ where: { repo: 'o/full', kind: 'pr' } })).toBe(83);
    // Numbers divisible by 6 up to 250: 41 merged PRs, learnt from the pulls listing.
    expect(await db.prisma.ledgerEntry.count({ where: { repo: 'o/full', merged: true } })).toBe(41);
    // Closed: the 83 PRs, and the 34 issues whose number is divisible by 5 but not by 3; the other 133 are open.
    expect(await db.prisma.ledgerEntry.count({ where: { repo: 'o/full', closedAt: { not: null } } })).toBe(117);
    expect(await db.prisma.ledgerEntry.findUnique({ where: { repo_number: { repo: 'o/full', number: 10 } } })).toMatchObject({ kind: 'issue', closedAt: new Date(Date.UTC(2024, 6, 1) + 10 * 3_600_000) });
    expect(await db.prisma.ledgerEntry.findUnique({ where: { repo_number: { repo: 'o/full', number: 11 } } })).toMatchObject({ kind: 'issue', closedAt: null });
    expect(await db.prisma.ledgerEntry.findUnique({ where: { repo_number: { repo: 'o/full', number: 12 } } })).toMatchObject({
      kind: 'pr',
      authorLogin: 'user5',
      association: 'NONE',
      merged: true,
    });
    const query = github.requestsTo('GET', /^\/repos\/o\/full\/issues$/)[0].query;
    expect([query.get('state'), query.get('per_page'), query.get('sort'), query.get('direction')]).toEqual(['all', '100', 'created', 'asc']);
    expect(github.requestsTo('GET', /^\/repos\/o\/full\/pulls$/)[0].query.get('state')).toBe('closed');
  });

  it('resumes from the saved page after a failure mid-way', async () => {
    const served: string[] = [];
    serveListings(github, 'o/resume', aRepositoryHistory(250), (listing, page) => {
      served.push(`${listing}:${page}`);
      // Once page 1 has been served, GitHub fails the next request: page 2.
      if (listing === 'issues' && page === 1 && served.length === 1) github.failNext('GET /repos/o/resume/issues', 1, { status: 502 });
    });
    await expect(backfillRepo({ db: db.prisma, github: client, repo: 'o/resume', perPage: 100 })).rejects.toMatchObject({ status: 502 });
    expect(await db.prisma.backfillCursor.findUnique({ where: { repo_listing: { repo: 'o/resume', listing: 'issues' } } })).toMatchObject({ nextPage: 2, done: false });
    expect(await db.prisma.ledgerEntry.count({ where: { repo: 'o/resume' } })).toBe(100);

    const lines: string[] = [];
    const result = await backfillRepo({ db: db.prisma, github: client, repo: 'o/resume', perPage: 100, progress: (line) => lines.push(line) });
    expect(lines[0]).toBe('o/resume issues: resuming at page 2');
    expect(result.resumed).toEqual(['issues']);
    expect(served).toEqual(['issues:1', 'issues:2', 'issues:3', 'pulls:1']);
    expect(await db.prisma.ledgerEntry.count({ where: { repo: 'o/resume' } })).toBe(250);
    expect(await db.prisma.backfillCursor.findMany({ where: { repo: 'o/resume' }, orderBy: { listing: 'asc' }, select: { listing: true, done: true } })).toEqual([
      { listing: 'issues', done: true },
      { listing: 'pulls', done: true },
    ]);
  });

  it('updates the level of a linked contributor from what it backfilled', async () => {
    await db.prisma.contributor.create({ data: { slackUserId: 'U0SEVEN', githubLogin: 'user6', githubLoginLower: 'user6', levelSource: 'ledger' } });
    serveListings(github, 'o/levels', aRepositoryHistory(250));
    await backfillRepo({ db: db.prisma, github: client, repo: 'o/levels' });
    // user6 authored numbers ≡ 6 (mod 7); with o/full and o/resume it has well over five merged PRs.
    expect(await db.prisma.contributor.findUnique({ where: { slackUserId: 'U0SEVEN' } })).toMatchObject({ level: 'regular' });
  });
});
