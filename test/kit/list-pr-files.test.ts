import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/clients/github';
import { listPrFiles, PR_FILES_CAP } from '../../src/kit/github/list-pr-files';
import { FakeGitHub } from '../support/fake-github';
import { GITHUB_TOKEN, startTestApp, type TestApp } from '../support/test-app';
import { aPullRequestEvent } from '../welcome/github-payloads';

const paths = (count: number, dir = 'docs') => Array.from({ length: count }, (_, i) => `${dir}/page-${i}.md`);

describe('listPrFiles', () => {
  let github: FakeGitHub;
  let client: ReturnType<typeof createGitHubClient>;
  beforeAll(async () => {
    github = await new FakeGitHub().start();
    client = createGitHubClient({ auth: { kind: 'token', token: GITHUB_TOKEN }, apiUrl: github.apiUrl }, pino({ level: 'silent' }), { retries: 0 });
  });
  afterAll(() => github?.stop());

  const filesRequests = (number: number) => github.requestsTo('GET', new RegExp(`^/repos/o/r/pulls/${number}/files$`));

  it('pages through every file, 100 at a time', async () => {
    github.prFiles.set('o/r#1', paths(250));
    const files = await listPrFiles(client, { owner: 'o', repo: 'r', pull_number: 1 });
    expect(files).toEqual({ filenames: paths(250), truncated: false });
    expect(filesRequests(1)).toHaveLength(3);
  });

  it('stops at GitHub’s 3,000-file cap and says the list is truncated', async () => {
    github.prFiles.set('o/r#2', paths(3_050));
    const files = await listPrFiles(client, { owner: 'o', repo: 'r', pull_number: 2 });
    expect(files.truncated).toBe(true);
    expect(files.filenames).toEqual(paths(PR_FILES_CAP));
    expect(filesRequests(2)).toHaveLength(30);
  });

  it('lists once per delivery, and afresh for another delivery', async () => {
    github.prFiles.set('o/r#3', paths(3));
    const delivery = {};
    const pr = { owner: 'o', repo: 'r', pull_number: 3 };
    const [a, b] = await Promise.all([listPrFiles(client, pr, { delivery }), listPrFiles(client, pr, { delivery })]);
    expect(await listPrFiles(client, pr, { delivery })).toBe(a);
    expect(b).toBe(a);
    expect(filesRequests(3)).toHaveLength(1);
    await listPrFiles(client, pr, { delivery: {} });
    expect(filesRequests(3)).toHaveLength(2);
  });
});

describe('a first-timer’s PR, opened', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      config: {
        admins: ['U0ADMIN'],
        pods: [{ name: 'docs', area: 'the website and guides', paths: ['docs/**'], advocates: ['U0ADVOCATE'] }],
      },
    });
  });
  afterAll(() => t?.stop());

  it('has its files listed once for the welcome and the pod mention together', async () => {
    t.github.prFiles.set('o/r#10', paths(150));
    const res = await t.webhook('pull_request', aPullRequestEvent('opened', { number: 10, login: 'newbie', association: 'FIRST_TIME_CONTRIBUTOR' }));
    expect(res.status).toBe(202);
    await t.drain();
    // The files were used: the welcome names the pod matched by path.
    const comments = t.github.commentsOn('o/r', 10).map((comment) => comment.body);
    expect(comments.some((body) => body.includes('welcome:gh:') && body.includes('**Docs** Pod'))).toBe(true);
    // 150 files are two pages: one listing, not one per listener.
    expect(t.github.requestsTo('GET', /^\/repos\/o\/r\/pulls\/10\/files$/)).toHaveLength(2);
  });
});
