// Finding 5c: GitHub does not retry a failed delivery. Deliveries answered 5xx while podbot was unhealthy are now
// found through GitHub's webhook deliveries API and redelivered at podbot's request; delivered or refused (4xx)
// ones are left alone, and each is asked for a bounded number of times.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/context';
import { features as allFeatures } from '../../src/features';
import { readEnv } from '../../src/config/env';
import type { FakeHookDelivery } from '../support/fake-github';
import { startTestApp, type TestApp } from '../support/test-app';
import { anIssueEvent } from '../welcome/github-payloads';

describe('reliability › podbot asks GitHub to redeliver what failed while it was unhealthy', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  /** podbot is "unhealthy" while `down` is true: every issues delivery fails (500), as during a database outage. */
  function outage() {
    const state = { down: false };
    const feature: Feature = (_ctx, surfaces) =>
      surfaces.webhooks!.on('issues', async () => {
        if (state.down) throw new Error('database unavailable');
      });
    return { state, feature };
  }

  /** Delivers as GitHub would, and records the attempt in the hook's delivery list with podbot's answer. */
  async function deliver(app: TestApp, hook: string, guid: string, event: string, payload: Record<string, any>): Promise<number> {
    const status = (await app.webhook(event, payload, { delivery: guid })).status;
    app.github.recordDelivery(hook, { guid, event, action: payload.action, statusCode: status, payload });
    return status;
  }

  function redeliverAsGitHub(app: TestApp) {
    app.github.redeliver = (delivery: FakeHookDelivery) => app.webhook(delivery.event, delivery.payload, { delivery: delivery.guid }).then((res) => res.status);
  }

  it('redelivers the repository hook’s 5xx deliveries once podbot is healthy, and only those', async () => {
    const { state, feature } = outage();
    t = await startTestApp({
      env: { GITHUB_REDELIVERY_HOOKS: 'repo:o/r:42' },
      config: { pods: [{ name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'] }] },
      features: [...allFeatures, feature],
    });
    redeliverAsGitHub(t);
    const hook = 'repos/o/r/42';
    expect(await deliver(t, hook, 'guid-before', 'issues', anIssueEvent('opened', { number: 1, login: 'early' }))).toBe(202);
    state.down = true;
    expect(await deliver(t, hook, 'guid-lost-1', 'issues', anIssueEvent('opened', { number: 2, login: 'first-a', labels: ['area/docs'] }))).toBe(500);
    expect(await deliver(t, hook, 'guid-lost-2', 'issues', anIssueEvent('opened', { number: 3, login: 'first-b' }))).toBe(500);
    const refused = anIssueEvent('opened', { number: 4, login: 'no-date' }) as Record<string, any>;
    delete refused.issue.created_at;
    expect(await deliver(t, hook, 'guid-refused', 'issues', refused)).toBe(400);
    state.down = false;

    await t.app.runTask('github-redelivery');
    const asks = t.github.requestsTo('POST', /^\/repos\/o\/r\/hooks\/42\/deliveries\/\d+\/attempts$/);
    const askedGuids = asks.map((ask) => t!.github.hookDeliveries.get(hook)!.find((d) => ask.path.endsWith(`/${d.id}/attempts`))!.guid);
    expect(askedGuids.sort()).toEqual(['guid-lost-1', 'guid-lost-2']);
    expect(await t.db.prisma.webhookDelivery.count({ where: { id: { in: ['guid-lost-1', 'guid-lost-2'] } } })).toBe(2);
    await t.drain();
    expect(t.github.commentsOn('o/r', 2).filter((c) => c.body.includes('podbot:job welcome:gh:'))).toHaveLength(1);

    // A second pass finds them delivered: nothing more is asked.
    await t.app.runTask('github-redelivery');
    expect(t.github.requestsTo('POST', /\/attempts$/)).toHaveLength(2);
  });

  it('stops asking after 5 redeliveries of a delivery that keeps failing', async () => {
    const { state, feature } = outage();
    t = await startTestApp({ env: { GITHUB_REDELIVERY_HOOKS: 'org:o:7' }, features: [feature] });
    redeliverAsGitHub(t);
    state.down = true;
    expect(await deliver(t, 'orgs/o/7', 'guid-broken', 'issues', anIssueEvent('opened', { number: 9 }))).toBe(500);
    for (let pass = 0; pass < 7; pass++) await t.app.runTask('github-redelivery');
    expect(t.github.requestsTo('POST', /^\/orgs\/o\/hooks\/7\/deliveries\/\d+\/attempts$/)).toHaveLength(5);
  });

  it('reads the App webhook’s deliveries with the App’s JWT', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { state, feature } = outage();
    t = await startTestApp({
      features: [feature],
      env: {
        GITHUB_TOKEN: undefined,
        GITHUB_APP_ID: '4242',
        GITHUB_INSTALLATION_ID: '777',
        GITHUB_PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().replace(/\n/g, '\\n'),
        GITHUB_REDELIVERY_HOOKS: 'app',
      },
    });
    redeliverAsGitHub(t);
    state.down = true;
    expect(await deliver(t, 'app', 'guid-app', 'issues', anIssueEvent('opened', { number: 5 }))).toBe(500);
    state.down = false;
    await t.app.runTask('github-redelivery');
    const [list] = t.github.requestsTo('GET', /^\/app\/hook\/deliveries$/);
    expect(list.authorization).toMatch(/^bearer eyJ/i);
    expect(t.github.requestsTo('POST', /^\/app\/hook\/deliveries\/\d+\/attempts$/)).toHaveLength(1);
    expect(await t.db.prisma.webhookDelivery.count({ where: { id: 'guid-app' } })).toBe(1);
  });

  it('refuses a hook list it cannot read, and the App hook without App credentials', () => {
    const bad = readEnv({ GITHUB_TOKEN: 'ghp_x', GITHUB_REDELIVERY_HOOKS: 'repo:o/r' });
    expect(!bad.ok && bad.problems.map((p) => p.where)).toEqual(['GITHUB_REDELIVERY_HOOKS']);
    const appWithToken = readEnv({ GITHUB_TOKEN: 'ghp_x', GITHUB_REDELIVERY_HOOKS: 'app' });
    expect(!appWithToken.ok && appWithToken.problems[0].message).toMatch(/GitHub App/);
    const ok = readEnv({ GITHUB_TOKEN: 'ghp_x', GITHUB_REDELIVERY_HOOKS: 'repo:o/r:42, org:o:7' });
    expect(ok.ok && ok.env.githubRedeliveryHooks).toEqual([
      { kind: 'repo', owner: 'o', repo: 'r', hookId: 42 },
      { kind: 'org', org: 'o', hookId: 7 },
    ]);
  });
});
