// podbot.yml scoped per organisation and repository, with a GitHub App installed on two organisations: the same
// release history in two organisations gets each organisation's pods and release settings, and each is read and
// written with its own installation's token.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeRelease } from '../support/fake-github';
import { FakeGitHub } from '../support/fake-github';
import { historyFromFixture, installRepoHistory, type RangeFixture } from '../support/github-history';
import { startTestApp, type TestApp } from '../support/test-app';
import { loadReleaseFixture } from '../releases/load-release-fixture';
import { aReleaseEvent } from '../releases/release-payload';
import { aPullRequestEvent } from '../welcome/github-payloads';

const kind = loadReleaseFixture('kubernetes-sigs__kind__v0.30.0__v0.31.0.json') as unknown as RangeFixture;
const SIGS = { id: 11, account: 'kubernetes-sigs' };
const GLOBEX = { id: 22, account: 'globex' };
const labels = { 4011: ['kind/documentation'], 3994: ['kind/documentation'] };

const config = {
  pods: [
    // Only kubernetes-sigs' documentation PRs belong to this pod.
    { name: 'sigs-docs', displayName: 'Sigs Website', area: 'The kind website', labels: ['kind/documentation'], orgs: ['kubernetes-sigs'], advocates: ['U0SIGSADV'] },
    // Everywhere: no scope.
    { name: 'all-docs', displayName: 'Every Website', area: 'Websites', labels: ['kind/documentation'], advocates: ['U0ALLADV'] },
  ],
  releases: {
    channel: 'C0RELEASES',
    overrides: [{ orgs: ['globex'], channel: 'C0GLOBEX' }],
  },
};

describe('podbot.yml scoped by organisation, on a GitHub App with two installations', () => {
  let github: FakeGitHub;
  let t: TestApp;
  const releases: Record<string, FakeRelease> = {};
  const bodies: Record<string, string> = {};

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    github = await new FakeGitHub().start();
    github.installApp({ id: '77', privateKey: pem }, [SIGS, GLOBEX]);
    for (const owner of [SIGS.account, GLOBEX.account]) {
      const history = installRepoHistory(github, { ...historyFromFixture(kind, { labels }), owner });
      history.addRelease({ tag_name: 'v0.30.0', published_at: '2025-08-27T18:00:00Z', created_at: '2025-08-27T18:00:00Z', body: 'old notes' });
      releases[owner] = history.addRelease({ tag_name: 'v0.31.0', name: 'v0.31.0', published_at: '2025-12-18T20:00:00Z', created_at: '2025-12-18T20:00:00Z', body: 'Notes.' });
    }
    t = await startTestApp({ config, github, env: { GITHUB_TOKEN: undefined, GITHUB_APP_ID: '77', GITHUB_PRIVATE_KEY: pem } });

    for (const [owner, installation] of [[SIGS.account, SIGS], [GLOBEX.account, GLOBEX]] as const) {
      const from = github.requests.length;
      const res = await t.webhook('release', { ...aReleaseEvent('published', owner, 'kind', releases[owner]), installation: { id: installation.id } });
      expect(res.status).toBe(202);
      await t.drain();
      const during = github.requests.slice(from).filter((request) => request.path !== `/app/installations/${installation.id}/access_tokens`);
      expect(during.length).toBeGreaterThan(3);
      expect(new Set(during.map((request) => github.installationOf(request))), `requests for ${owner}`).toEqual(new Set([installation.id]));
      bodies[owner] = github.requestsTo('PATCH', new RegExp(`^/repos/${owner}/kind/releases/${releases[owner].id}$`))[0]?.body?.body ?? '';
    }
  });
  afterAll(async () => {
    await t?.stop();
    await github?.stop();
  });

  it("credits an organisation's scoped pod only in that organisation's release", () => {
    expect(bodies['kubernetes-sigs']).toContain('Sigs Website');
    expect(bodies['kubernetes-sigs']).toContain('Every Website');
    expect(bodies.globex).not.toContain('Sigs Website');
    expect(bodies.globex).toContain('Every Website');
  });

  it("announces each release in its organisation's channel (releases.overrides)", () => {
    const channels = (owner: string) =>
      t.slack.calls.filter((call) => call.method === 'chat.postMessage' && JSON.stringify(call.args).includes(`${owner}/kind`)).map((call) => call.args.channel);
    expect(new Set(channels('kubernetes-sigs'))).toEqual(new Set(['C0RELEASES']));
    expect(new Set(channels('globex'))).toEqual(new Set(['C0GLOBEX']));
  });

  it("mentions a scoped pod only on its organisation's pull requests", async () => {
    for (const [owner, installation] of [[SIGS.account, SIGS], [GLOBEX.account, GLOBEX]] as const) {
      const payload = { ...aPullRequestEvent('labeled', { repo: `${owner}/kind`, number: 9001, login: 'regular', association: 'MEMBER', labels: ['kind/documentation'] }), installation: { id: installation.id } };
      expect((await t.webhook('pull_request', payload)).status).toBe(202);
    }
    await t.drain();
    const mention = (owner: string) => github.commentsOn(`${owner}/kind`, 9001).map((comment) => comment.body).join('\n');
    expect(mention('kubernetes-sigs')).toContain('sigs-docs');
    expect(mention('kubernetes-sigs')).toContain('all-docs');
    expect(mention('globex')).not.toContain('sigs-docs');
    expect(mention('globex')).toContain('all-docs');
  });
});
