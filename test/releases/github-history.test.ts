import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherRelease } from '../../src/releases/gather/gather-release';
import { FakeGitHub } from '../support/fake-github';
import { historyFromFixture, installRepoHistory, syntheticHistory, type RangeFixture } from '../support/github-history';
import { loadReleaseFixture } from './load-release-fixture';

const kind = loadReleaseFixture('kubernetes-sigs__kind__v0.30.0__v0.31.0.json') as unknown as RangeFixture;

describe('the fake GitHub serving a repository history', () => {
  let fake: FakeGitHub;
  let octokit: Octokit;
  beforeAll(async () => {
    fake = await new FakeGitHub().start();
    installRepoHistory(fake, historyFromFixture(kind));
    const big = installRepoHistory(fake, syntheticHistory({ prs: 400, authors: 50, seed: 3 }));
    big.addRelease({ tag_name: 'v1.0.0', published_at: '2025-01-01T00:00:00Z', created_at: '2025-01-01T00:00:00Z' });
    octokit = new Octokit({ baseUrl: fake.apiUrl, auth: 'token' });
  });
  afterAll(() => fake?.stop());

  it('answers compare with exactly the recorded `git rev-list v0.30.0..v0.31.0`, oldest first', async () => {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: 'kubernetes-sigs', repo: 'kind', basehead: 'v0.30.0...v0.31.0' });
    expect(data.status).toBe('ahead');
    expect(data.total_commits).toBe(78);
    expect(data.commits.map((c: { sha: string }) => c.sha)).toEqual(kind.commits.map((c) => c.sha));
  });

  it('says behind for a reversed range', async () => {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: 'kubernetes-sigs', repo: 'kind', basehead: 'v0.31.0...v0.30.0' });
    expect(data.status).toBe('behind');
    expect(data.behind_by).toBe(78);
  });

  it('answers a missing pull request with partial data and a NOT_FOUND error, and a bot author as Bot without [bot]', async () => {
    const response = await fetch(`${fake.apiUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: 'token x', 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($o: String!) { repository(owner: $o, name: "kind") { a: pullRequest(number: 4002) { author { __typename login } } b: pullRequest(number: 99999) { number } } }',
        variables: { o: 'kubernetes-sigs' },
      }),
    });
    expect(await response.json()).toEqual({
      data: { repository: { a: { author: { __typename: 'Bot', login: 'dependabot' } }, b: null } },
      errors: [{ type: 'NOT_FOUND', path: ['repository', 'b'], locations: [{ line: 1, column: 3 }], message: 'Could not resolve to a PullRequest with the number of 99999.' }],
    });
  });

  it('lets the gatherer read a >250-commit range with one unpaginated request plus pages for the older commits only', async () => {
    const gathered = await gatherRelease(octokit, { owner: 'acme', repo: 'rocket', tag: 'v2.0.0' });
    expect(gathered.prs).toHaveLength(400);
    const compares = fake.requestsTo('GET', /\/acme\/rocket\/compare\//);
    const total = gathered.commitCount;
    expect(total).toBeGreaterThan(350);
    // newest 250 unpaginated, then pages of 100 for the older ones
    expect(compares).toHaveLength(1 + Math.ceil((total - 250) / 100));
    expect(compares[0].query.get('page')).toBeNull();
  });

  it('splits a lookup batch GitHub cannot answer in time and asks again in halves', async () => {
    fake.reset();
    fake.failNext('POST /graphql', 1, { status: 502 });
    const gathered = await gatherRelease(octokit, { owner: 'acme', repo: 'rocket', tag: 'v2.0.0', previousTag: 'v1.0.0' });
    expect(gathered.prs).toHaveLength(400);
    const lookups = fake.requestsTo('POST', /^\/graphql$/).filter((r) => !String(r.body.query).includes('search('));
    // the failed batch, then its two halves
    expect(lookups).toHaveLength(3);
  });
});
