// A GitHub App uninstalled from one organisation, or suspended there, while podbot holds its client and token and
// has jobs queued for it: the client and token are dropped (its next delivery mints a new token), its waiting jobs
// become dead letters with the reason instead of being retried for a day, and the other organisation is untouched.
// After an unsuspend, and after GitHub revokes a token podbot still holds, calls work again with a new token.
import { generateKeyPairSync } from 'node:crypto';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeadLetters, retryDeadLetter } from '../../src/outbox';
import { FakeGitHub, type GitHubRequest } from '../support/fake-github';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { anIssueEvent } from '../welcome/github-payloads';

const ACME = { id: 101, account: 'acme' };
const GLOBEX = { id: 202, account: 'globex' };
const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

const config = { welcome: { github: { responseTime: 'within two working days' } } };

function appKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

/** A real `installation` or `installation_repositories` payload from @octokit/webhooks-examples, moved to `installation`. */
function lifecycleEvent(event: 'installation' | 'installation_repositories', action: string, installation: { id: number; account: string }, extra: Record<string, unknown> = {}) {
  const payload = (examples as { name: string; examples: Record<string, any>[] }[]).find((e) => e.name === event)!.examples.find((p) => p.action === action)!;
  return { ...payload, installation: { ...payload.installation, id: installation.id, account: { ...payload.installation.account, login: installation.account } }, ...extra };
}

function fromInstallation<T extends object>(payload: T, installation: { id: number }) {
  return { ...payload, installation: { id: installation.id } };
}

function comment(key: string, repo: string, issue: number, extra: { installationId?: number; notBefore?: Date } = {}) {
  const [owner, name] = repo.split('/');
  return { key, target: 'github' as const, method: COMMENT, payload: { owner, repo: name, issue_number: issue, body: key }, ...extra };
}

describe('reliability › a GitHub App uninstalled or suspended on one organisation', () => {
  const clock = new TestClock();
  const privateKey = appKey();
  let github: FakeGitHub;
  let t: TestApp;

  beforeAll(async () => {
    github = await new FakeGitHub().start();
    github.installApp({ id: '4242', privateKey }, [ACME, GLOBEX]);
    github.tokenExpiresAt = () => new Date(clock.now().getTime() + 3600_000);
    t = await startTestApp({ config, clock, github, env: { GITHUB_TOKEN: undefined, GITHUB_APP_ID: '4242', GITHUB_PRIVATE_KEY: privateKey, GITHUB_INSTALLATION_ID: undefined } });
  });
  afterAll(async () => {
    await t?.stop();
    await github?.stop();
  });

  async function deliver(event: string, payload: unknown, status = 202) {
    const res = await t.webhook(event, payload);
    expect(res.status).toBe(status);
    await t.drain();
  }

  const job = (key: string) => t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key } });
  const writesTo = (owner: string, since: number): GitHubRequest[] => github.requests.slice(since).filter((r) => r.method === 'POST' && r.path.startsWith(`/repos/${owner}/`));

  it('drops the uninstalled installation: its waiting jobs are dead letters, never sent, and the other organisation goes on', async () => {
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 1, login: 'ann' }), ACME));
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'globex/gadgets', number: 1, login: 'bob' }), GLOBEX));
    expect(github.tokensOf(ACME.id)).toHaveLength(1);
    expect(github.tokensOf(GLOBEX.id)).toHaveLength(1);

    // Queued for acme: a welcome held back by acme's rate limit, a job enqueued outside a delivery (no installation,
    // about acme's repository) and one due later; for globex, one due later.
    github.failNext(/^POST \/repos\/acme\//, 1, { status: 429, retryAfter: 600 });
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 2, login: 'cy' }), ACME));
    const later = new Date(clock.now().getTime() + 5 * 60_000);
    await t.app.ctx.outbox.enqueue([
      comment('acme:outside-a-delivery', 'acme/widgets', 2, { notBefore: later }),
      comment('acme:later', 'acme/widgets', 2, { installationId: ACME.id, notBefore: later }),
      comment('globex:later', 'globex/gadgets', 1, { installationId: GLOBEX.id, notBefore: later }),
    ]);
    const waitingForAcme = await t.db.prisma.outboxJob.findMany({ where: { target: 'github', status: 'pending', payload: { path: ['owner'], equals: 'acme' } } });
    expect(waitingForAcme.length).toBeGreaterThanOrEqual(3);

    const before = github.requests.length;
    await deliver('installation', lifecycleEvent('installation', 'deleted', ACME));
    clock.advance(11 * 60_000); // the rate limit and the later jobs are due
    await t.drain();

    expect(writesTo('acme', before)).toEqual([]);
    for (const { key } of waitingForAcme) {
      expect(await job(key)).toMatchObject({ status: 'failed', lastError: 'installation_deleted: the GitHub App was uninstalled from acme (installation 101); not sent' });
    }
    // What `podbot outbox list` and GET /api/outbox show.
    const letters = await listDeadLetters(t.db.prisma);
    expect(letters.filter((l) => l.reason?.startsWith('installation_deleted:')).map((l) => l.key).sort()).toEqual(waitingForAcme.map((j) => j.key).sort());
    const api = (await (await t.api('/api/outbox')).json()) as { deadLetters: { key: string; reason: string }[] };
    expect(api.deadLetters.find((l) => l.key === 'acme:later')?.reason).toContain('uninstalled from acme');

    expect(await job('globex:later')).toMatchObject({ status: 'done' });
    expect(writesTo('globex', before).map((r) => github.installationOf(r))).toEqual([GLOBEX.id]);
    expect(github.tokensOf(GLOBEX.id)).toHaveLength(1);
    expect(t.logs.find((l) => l.installation === ACME.id && l.cancelledJobs !== undefined)?.msg).toBe(
      `github: the App was uninstalled from acme (installation 101): dropped its client and token; ${waitingForAcme.length} GitHub jobs waiting for it are dead letters (podbot outbox list)`,
    );

    // The next delivery for that installation id asks for a new token; the other installation keeps its own.
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'acme/widgets', number: 3, login: 'dee' }), ACME));
    const tokens = github.tokensOf(ACME.id);
    expect(tokens).toHaveLength(2);
    const [sent] = github.requestsTo('POST', /^\/repos\/acme\/widgets\/issues\/3\/comments$/);
    expect(sent.authorization).toBe(`token ${tokens[1]}`);
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'globex/gadgets', number: 3, login: 'eve' }), GLOBEX));
    expect(github.tokensOf(GLOBEX.id)).toHaveLength(1);
  });

  it('dead-letters a suspended installation\'s waiting jobs, and after the unsuspend mints a new token and sends them again when retried', async () => {
    await t.app.ctx.outbox.enqueue(comment('globex:while-suspended', 'globex/gadgets', 3, { installationId: GLOBEX.id, notBefore: new Date(clock.now().getTime() + 60_000) }));
    await deliver('installation', lifecycleEvent('installation', 'suspend', GLOBEX));
    expect(await job('globex:while-suspended')).toMatchObject({
      status: 'failed',
      lastError: 'installation_suspended: the GitHub App is suspended on globex (installation 202); once it is unsuspended, podbot outbox retry sends it',
    });

    await deliver('installation', lifecycleEvent('installation', 'unsuspend', GLOBEX));
    expect(t.logs.some((l) => l.msg === 'github: the App was unsuspended on globex (installation 202): its next call mints a new token')).toBe(true);
    const minted = github.tokensOf(GLOBEX.id).length;
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'globex/gadgets', number: 4, login: 'fay' }), GLOBEX));
    expect(github.tokensOf(GLOBEX.id)).toHaveLength(minted + 1);
    expect(github.commentsOn('globex/gadgets', 4)).toHaveLength(1);

    const { id } = await job('globex:while-suspended');
    expect(await retryDeadLetter(t.db.prisma, clock, id)).toBe(true);
    await t.drain();
    expect(await job('globex:while-suspended')).toMatchObject({ status: 'done' });
  });

  it('dead-letters only the jobs about repositories taken out of the installation', async () => {
    const soon = new Date(clock.now().getTime() + 60_000);
    await t.app.ctx.outbox.enqueue([
      comment('globex:removed-repo', 'globex/old-site', 1, { installationId: GLOBEX.id, notBefore: soon }),
      comment('globex:kept-repo', 'globex/gadgets', 3, { installationId: GLOBEX.id, notBefore: soon }),
    ]);
    const removed = [{ id: 9, node_id: 'R_9', name: 'old-site', full_name: 'globex/old-site', private: false }];
    await deliver('installation_repositories', lifecycleEvent('installation_repositories', 'removed', GLOBEX, { repositories_removed: removed }));
    expect(await job('globex:removed-repo')).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^repository_removed: /) });
    clock.advance(2 * 60_000);
    await t.drain();
    expect(await job('globex:kept-repo')).toMatchObject({ status: 'done' });
    expect(github.requestsTo('POST', /^\/repos\/globex\/old-site\//)).toEqual([]);
  });

  it('renews a token GitHub no longer accepts (revoked, e.g. while another replica saw a suspension) and makes the call once more', async () => {
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'globex/gadgets', number: 5, login: 'gus' }), GLOBEX));
    const held = github.tokensOf(GLOBEX.id);
    github.revokeTokensOf(GLOBEX.id);
    await deliver('issues', fromInstallation(anIssueEvent('opened', { repo: 'globex/gadgets', number: 6, login: 'hal' }), GLOBEX));
    expect(github.commentsOn('globex/gadgets', 6)).toHaveLength(1);
    expect(github.labels.get('globex/gadgets#6')).toEqual(['new-contributor']);
    // The welcome's comment and label go side by side: each may mint its own new token.
    const fresh = github.tokensOf(GLOBEX.id).slice(held.length);
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    const writes = github.requests.filter((r) => r.path.startsWith('/repos/globex/gadgets/issues/6/'));
    expect(writes.filter((r) => r.authorization === `token ${held.at(-1)}`).length).toBeGreaterThan(0);
    expect(writes.filter((r) => fresh.some((token) => r.authorization === `token ${token}`))).toHaveLength(2);
  });

  it('refuses an installation event without an installation id, with 400', async () => {
    const { installation: _installation, ...payload } = lifecycleEvent('installation', 'deleted', ACME);
    await deliver('installation', payload, 400);
  });
});
