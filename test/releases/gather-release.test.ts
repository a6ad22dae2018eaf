import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherRelease, GatherReleaseError } from '../../src/releases/gather/gather-release';
import { loadReleaseFixture } from './load-release-fixture';

/*
 * A throwaway GitHub stand-in on loopback, answering only what gatherRelease asks, from the recorded
 * external-dns v0.14.1…v0.14.2 history (190 commits, so the compare API needs two pages of 100).
 */
const fixture = loadReleaseFixture('kubernetes-sigs__external-dns__v0.14.1__v0.14.2.json');
const bySha = new Map([...fixture.commits, ...fixture.pr_commits_outside_range].map((c) => [c.sha, c]));
const prByNumber = new Map(fixture.pull_requests.map((pr) => [pr.number, pr]));

const releases = [
  { tag_name: 'v0.14.2', draft: false, prerelease: false, published_at: '2024-05-16T10:00:00Z' },
  { tag_name: 'v0.14.3-next', draft: false, prerelease: false, published_at: '2024-05-01T10:00:00Z' }, // on a branch
  { tag_name: 'v0.14.1', draft: false, prerelease: false, published_at: '2024-03-18T10:00:00Z' },
];

const seen: { method: string; url: string; body: string }[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

function graphqlPr(number: number) {
  const pr = prByNumber.get(number)!;
  const bot = pr.author_login?.endsWith('[bot]');
  return {
    number,
    title: pr.title,
    url: `https://github.com/kubernetes-sigs/external-dns/pull/${number}`,
    body: '',
    merged: true,
    mergedAt: pr.merged_at,
    mergeCommit: { oid: pr.merge_commit_sha },
    // GraphQL names bots without the [bot] suffix
    author: { __typename: bot ? 'Bot' : 'User', login: bot ? pr.author_login!.replace('[bot]', '') : pr.author_login },
    labels: { nodes: [] },
    files: { nodes: [] },
    commits: {
      nodes: pr.commits.map((sha) => {
        const c = bySha.get(sha)!;
        return { commit: { oid: sha, message: c.message, author: { email: c.author.email, name: c.author.name, user: null } } };
      }),
    },
  };
}

async function answer(req: IncomingMessage, url: URL): Promise<{ status: number; body: unknown }> {
  if (req.method === 'GET' && url.pathname === '/repos/kubernetes-sigs/external-dns/releases') {
    return { status: 200, body: releases };
  }
  const compare = /^\/repos\/kubernetes-sigs\/external-dns\/compare\/(.+)\.\.\.(.+)$/.exec(url.pathname);
  if (req.method === 'GET' && compare) {
    if (compare[1] === 'v0.14.3-next') return { status: 200, body: { status: 'diverged', total_commits: 3, commits: [] } };
    if (compare[1] !== 'v0.14.1' || compare[2] !== 'v0.14.2') return { status: 404, body: { message: 'Not Found' } };
    const perPage = Number(url.searchParams.get('per_page') ?? 250);
    const page = Number(url.searchParams.get('page') ?? 1);
    const commits = fixture.commits.slice((page - 1) * perPage, page * perPage).map((c) => ({
      sha: c.sha,
      parents: c.parents.map((sha) => ({ sha })),
      commit: { message: c.message, author: { name: c.author.name, email: c.author.email } },
      author: null,
    }));
    return { status: 200, body: { status: 'ahead', total_commits: fixture.commits.length, commits } };
  }
  if (req.method === 'POST' && url.pathname === '/graphql') {
    const { query } = JSON.parse(seen.at(-1)!.body) as { query: string };
    const repository: Record<string, unknown> = {};
    for (const [, n] of query.matchAll(/pr(\d+): pullRequest/g)) repository[`pr${n}`] = graphqlPr(Number(n));
    const data: Record<string, unknown> = query.includes('repository(') ? { repository } : {};
    for (const [, alias] of query.matchAll(/(u\d+): search/g)) data[alias] = { issueCount: 0 };
    return { status: 200, body: { data } };
  }
  return { status: 404, body: { message: `no route for ${req.method} ${url.pathname}` } };
}

let server: Server;
let octokit: Octokit;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push({ method: req.method ?? '', url: req.url ?? '', body: await readBody(req) });
    const { status, body } = await answer(req, url);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  octokit = new Octokit({ baseUrl: `http://127.0.0.1:${port}` });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('gatherRelease against a loopback GitHub', () => {
  it('finds the ancestor previous release, pages the compare API and batches the PR lookups', async () => {
    seen.length = 0;
    const gathered = await gatherRelease(octokit, {
      owner: 'kubernetes-sigs',
      repo: 'external-dns',
      tag: 'v0.14.2',
      // what the ledger knows; the remaining 21 authors go to the one batched search
      ledgerFirstPrs: new Map([
        ['mloiseleur', 3673],
        ['Raffo', 1006],
        ['stevehipwell', 2208],
        ['szuecs', 1349],
      ]),
    });

    expect(gathered.release).toEqual({ owner: 'kubernetes-sigs', repo: 'external-dns', tag: 'v0.14.2', previousTag: 'v0.14.1' });
    expect(gathered.commitCount).toBe(190);
    expect(gathered.prs).toHaveLength(50);
    expect(gathered.prs.find((pr) => pr.number === 4329)?.authorLogin).toBe('dependabot[bot]');
    // the squash commit, with its co-author trailers, is added to #4322's commits
    expect(gathered.prs.find((pr) => pr.number === 4322)?.commits.map((c) => c.sha)).toContain(
      'f5545b1e164776958fbb85ed055ae418fb0f24dc',
    );
    expect(gathered.firstTimers.get('onedr0p')).toBe(4322);
    expect(gathered.firstTimers.has('mloiseleur')).toBe(false);

    // releases + compare (v0.14.3-next rejected) + one unpaginated compare (190 ≤ 250 commits) + one PR query + one search query
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /repos/kubernetes-sigs/external-dns/releases?per_page=100',
      'GET /repos/kubernetes-sigs/external-dns/compare/v0.14.3-next...v0.14.2',
      'GET /repos/kubernetes-sigs/external-dns/compare/v0.14.1...v0.14.2',
      'POST /graphql',
      'POST /graphql',
    ]);
    expect(gathered.requests).toBe(5);
    expect(seen[4].body).toContain('author:onedr0p merged:<2024-04-03T11:02:07+00:00');
  });

  it('refuses an explicit previous tag that is not an ancestor', async () => {
    const failure = gatherRelease(octokit, { owner: 'kubernetes-sigs', repo: 'external-dns', tag: 'v0.14.2', previousTag: 'v0.14.3-next' });
    await expect(failure).rejects.toBeInstanceOf(GatherReleaseError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_AN_ANCESTOR' });
  });
});
