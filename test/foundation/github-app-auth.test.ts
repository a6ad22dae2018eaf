import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GitHub App credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const github = await new FakeGitHub().start();
    // The App is installed on acme: the default client finds that installation for acme's repositories.
    github.installApp({ id: '4242', privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() }, [{ id: 777, account: 'acme' }]);
    t = await startTestApp({
      github,
      features: [],
      env: {
        GITHUB_TOKEN: undefined,
        GITHUB_APP_ID: '4242',
        GITHUB_INSTALLATION_ID: '777',
        GITHUB_PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().replace(/\n/g, '\\n'),
      },
    });
    t.github.route('POST', '/app/installations/:id/access_tokens', ({ params }) => ({
      status: 201,
      body: { token: `ghs_installation_${params.id}`, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: 'all' },
    }));
  });
  afterAll(async () => {
    await t?.stop();
    await t?.github.stop();
  });

  it('authenticates as the installation, minting the token with a JWT', async () => {
    expect(t.app.ctx.env.github?.auth.kind).toBe('app');
    await t.app.ctx.outbox.enqueue({
      key: 'app-auth-comment',
      target: 'github',
      method: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      payload: { owner: 'acme', repo: 'widgets', issue_number: 3, body: 'hi' },
    });
    await t.drain();
    const [mint] = t.github.requestsTo('POST', /^\/app\/installations\/777\/access_tokens$/);
    expect(mint.authorization).toMatch(/^bearer eyJ/i);
    const [comment] = t.github.requestsTo('POST', /\/issues\/3\/comments$/);
    expect(comment.authorization).toBe('token ghs_installation_777');
  });
});
