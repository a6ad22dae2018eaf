// One podbot, one GitHub App, installed on two organisations: each delivery's reads and writes go with the token of
// the installation it came from, tokens are minted once and renewed before they expire, and a rate limit on one
// organisation does not hold up the other.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { FakeGitHub, type GitHubRequest } from '../support/fake-github';
import { aPullRequestEvent, anIssueEvent } from '../welcome/github-payloads';

const ACME = { id: 101, account: 'acme' };
const GLOBEX = { id: 20_000_000_202, account: 'globex' };

const config = {
  pods: [{ name: 'docs', area: 'the website and guides', labels: ['area/docs'], paths: ['docs/**'], advocates: ['U0ADVOCATE'] }],
  welcome: { github: { responseTime: 'within two working days' } },
};

function appKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

function withInstallation<T extends object>(payload: T, installation: { id: number }): T & { installation: { id: number } } {
  return { ...payload, installation: { id: installation.id } };
}

/** Requests to an organisation's repositories. */
function toOrg(github: FakeGitHub, org: string): GitHubRequest[] {
  return github.requests.filter((request) => request.path.startsWith(`/repos/${org}/`));
}

describe('a GitHub App on several organisations', () => {
  const clock = new TestClock();
  const privateKey = appKey();
  let github: FakeGitHub;
  let t: TestApp;

  beforeAll(async () => {
    github = await new FakeGitHub().start();
    github.installApp({ id: '4242', privateKey }, [ACME, GLOBEX]);
    github.tokenExpiresAt = () => new Date(clock.now().getTime() + 3600_000);
    t = await startTestApp({
      config,
      clock,
      github,
      env: { GITHUB_TOKEN: undefined, GITHUB_APP_ID: '4242', GITHUB_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'), GITHUB_INSTALLATION_ID: undefined },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await github?.stop();
  });

  async function send(event: string, payload: unknown) {
    const res = await t.webhook(event, payload);
    expect(res.status).toBe(202);
    await t.drain();
  }

  it("writes each organisation's welcome with its own installation's token, and reads with it too", async () => {
    github.prFiles.set('globex/gadgets#7', ['docs/intro.md']);
    await send('issues', withInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 3, login: 'newbie', labels: ['area/docs'] }), ACME));
    await send('pull_request', withInstallation(aPullRequestEvent('opened', { repo: 'globex/gadgets', number: 7, login: 'newcomer' }), GLOBEX));

    expect(github.commentsOn('acme/widgets', 3)).toHaveLength(1);
    expect(github.commentsOn('globex/gadgets', 7)).toHaveLength(1);
    expect(github.labels.get('acme/widgets#3')).toEqual(['new-contributor']);
    expect(github.labels.get('globex/gadgets#7')).toEqual(['new-contributor']);

    const acme = toOrg(github, 'acme');
    const globex = toOrg(github, 'globex');
    expect(acme.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /repos/acme/widgets/issues/3/comments', 'POST /repos/acme/widgets/issues/3/labels']));
    // The PR's files are a read made while handling the delivery, not an outbox write.
    expect(globex.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /repos/globex/gadgets/pulls/7/files', 'POST /repos/globex/gadgets/issues/7/comments', 'POST /repos/globex/gadgets/issues/7/labels']),
    );
    expect(new Set(acme.map((r) => github.installationOf(r)))).toEqual(new Set([ACME.id]));
    expect(new Set(globex.map((r) => github.installationOf(r)))).toEqual(new Set([GLOBEX.id]));
  });

  it('keeps the installation on each GitHub outbox job, and none on Slack jobs', async () => {
    const jobs = await t.db.prisma.outboxJob.findMany({ select: { target: true, payload: true, installationId: true } });
    const github = jobs.filter((job) => job.target === 'github');
    expect(github.length).toBeGreaterThanOrEqual(4);
    for (const job of github) {
      const owner = (job.payload as { owner: string }).owner;
      expect(job.installationId === null ? null : Number(job.installationId)).toBe(owner === 'acme' ? ACME.id : GLOBEX.id);
    }
    for (const job of jobs.filter((j) => j.target === 'slack')) expect(job.installationId).toBeNull();
  });

  it('mints one token per installation and reuses it until it is about to expire', async () => {
    expect(github.tokensOf(ACME.id)).toHaveLength(1);
    expect(github.tokensOf(GLOBEX.id)).toHaveLength(1);
    await send('issues', withInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 4, login: 'another' }), ACME));
    expect(github.tokensOf(ACME.id)).toHaveLength(1);

    clock.advance(56 * 60_000); // 4 minutes left: inside the renewal margin
    await send('issues', withInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 5, login: 'third' }), ACME));
    const tokens = github.tokensOf(ACME.id);
    expect(tokens).toHaveLength(2);
    const [comment] = github.requestsTo('POST', /^\/repos\/acme\/widgets\/issues\/5\/comments$/);
    expect(comment.authorization).toBe(`token ${tokens[1]}`);
  });

  it("pauses only the rate-limited installation's jobs", async () => {
    github.failNext(/^POST \/repos\/acme\//, 1, { status: 429, retryAfter: 3600 });
    await send('issues', withInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 6, login: 'fourth' }), ACME));
    await send('issues', withInstallation(anIssueEvent('opened', { repo: 'globex/gadgets', number: 8, login: 'fifth' }), GLOBEX));
    expect(github.commentsOn('globex/gadgets', 8)).toHaveLength(1);
    expect(github.labels.get('globex/gadgets#8')).toEqual(['new-contributor']);
    expect(github.commentsOn('acme/widgets', 6)).toHaveLength(0);
    const waiting = await t.db.prisma.outboxJob.findMany({ where: { status: 'pending', target: 'github' } });
    expect(waiting.length).toBeGreaterThan(0);
    expect(new Set(waiting.map((job) => Number(job.installationId)))).toEqual(new Set([ACME.id]));
  });

  it("uses the App's first installation for calls no webhook scopes, when no default is set", async () => {
    github.addUser('octo');
    const { data } = await t.app.ctx.github!.request('GET /users/{username}', { username: 'octo' });
    expect(data.login).toBe('octo');
    const [lookup] = github.requestsTo('GET', /^\/users\/octo$/);
    expect(github.installationOf(lookup)).toBe(ACME.id);
    expect(github.requestsTo('GET', /^\/app\/installations$/)).toHaveLength(1);
  });
});

describe('a GitHub App with a default installation', () => {
  const privateKey = appKey();
  let github: FakeGitHub;
  let t: TestApp;

  beforeAll(async () => {
    github = await new FakeGitHub().start();
    github.installApp({ id: '4242', privateKey }, [ACME, GLOBEX]);
    t = await startTestApp({
      config,
      github,
      env: { GITHUB_TOKEN: undefined, GITHUB_APP_ID: '4242', GITHUB_PRIVATE_KEY: privateKey, GITHUB_INSTALLATION_ID: String(GLOBEX.id) },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await github?.stop();
  });

  it('sends deliveries without an installation (a plain repository webhook) with the default one', async () => {
    const res = await t.webhook('issues', anIssueEvent('opened', { repo: 'globex/gadgets', number: 9, login: 'newbie' }));
    expect(res.status).toBe(202);
    await t.drain();
    const writes = github.requestsTo('POST', /^\/repos\/globex\/gadgets\/issues\/9\//);
    expect(writes).toHaveLength(2);
    expect(new Set(writes.map((r) => github.installationOf(r)))).toEqual(new Set([GLOBEX.id]));
    expect(github.requestsTo('GET', /^\/app\/installations$/)).toHaveLength(0);
  });

  it("still uses a delivery's own installation over the default", async () => {
    const res = await t.webhook('issues', withInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 10, login: 'newbie' }), ACME));
    expect(res.status).toBe(202);
    await t.drain();
    const writes = github.requestsTo('POST', /^\/repos\/acme\/widgets\/issues\/10\//);
    expect(writes).toHaveLength(2);
    expect(new Set(writes.map((r) => github.installationOf(r)))).toEqual(new Set([ACME.id]));
  });
});
