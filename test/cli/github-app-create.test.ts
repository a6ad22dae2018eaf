// podbot github-app create: the manifest flow end to end against the fake GitHub, as a browser would walk it: the
// page posts app.yml (made for the server's public URL) with a random state, a return with another state is refused,
// the code is exchanged once, and the credentials land in the .env file, readable by podbot and by its owner only.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/main';
import { loadDotenv } from '../../src/config/dotenv';
import { readEnv } from '../../src/config/env';
import { FakeGitHub } from '../support/fake-github';

const appYml = parse(readFileSync(join(import.meta.dirname, '../../app.yml'), 'utf8')) as Record<string, unknown>;

function appKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

/** What GitHub answers for a code (https://docs.github.com/en/rest/apps/apps#create-a-github-app-from-a-manifest). */
function createdApp(id: number, slug: string, owner: string, pem: string) {
  return {
    id,
    slug,
    node_id: 'A_kwDOBkQ',
    name: slug,
    owner: { login: owner, type: 'Organization' },
    html_url: `https://github.com/apps/${slug}`,
    client_id: 'Iv23liabc',
    client_secret: 'not-kept',
    webhook_secret: 'e340154128314309424b7c8e90325147d99fdafa',
    pem,
    permissions: appYml.default_permissions,
    events: appYml.default_events,
  };
}

const unescapeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('podbot github-app create', () => {
  let github: FakeGitHub;
  let dir: string;
  beforeAll(async () => {
    github = await new FakeGitHub().start();
    dir = await mkdtemp(join(tmpdir(), 'podbot-github-app-'));
  });
  afterAll(async () => {
    await github?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts the command; `page()` resolves with the local page's address once it listens. */
  function start(argv: string[], env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    let stop!: (why: string) => void;
    const stopRequested = new Promise<string>((resolve) => (stop = resolve));
    let listening!: (url: string) => void;
    const page = new Promise<string>((resolve) => (listening = resolve));
    const done = runCli(['github-app', 'create', ...argv], {
      env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: github.apiUrl, ...env },
      io: {
        stdout: (t) => void out.push(t),
        stderr: (t) => {
          err.push(t);
          const url = /^open (http:\/\/127\.0\.0\.1:\d+\/) /.exec(t)?.[1];
          if (url) listening(url);
        },
      },
      stopRequested,
    });
    return {
      done,
      page: () => Promise.race([page, done.then((code) => Promise.reject(new Error(`exited ${code} before serving its page: ${err.join('')}`)))]),
      stop,
      out: () => out.join(''),
      err: () => err.join(''),
    };
  }

  /** Reads the page as GitHub would receive its form: where it posts, the state, the manifest. */
  async function readForm(url: string) {
    const html = await (await fetch(url)).text();
    const action = new URL(unescapeHtml(/<form method="post" action="([^"]+)"/.exec(html)![1]));
    const manifest = JSON.parse(unescapeHtml(/name="manifest" value="([^"]+)"/.exec(html)![1])) as Record<string, any>;
    return { action, state: action.searchParams.get('state')!, manifest };
  }

  it('creates the App for an organisation from app.yml, refuses a return with another state, and writes the credentials', async () => {
    const envFile = join(dir, 'org.env');
    await writeFile(envFile, '# podbot settings\nPORT=3001\nGITHUB_APP_ID=\nGITHUB_INSTALLATION_ID=\n');
    const pem = appKey();
    github.manifestConversions.set('code-for-acme', createdApp(777, 'podbot-acme', 'acme', pem));
    const run = start(['--org', 'acme', '--url', 'https://bot.acme.dev/', '--env-file', envFile]);
    const url = await run.page();

    const { action, state, manifest } = await readForm(url);
    expect(`${action.origin}${action.pathname}`).toBe('https://github.com/organizations/acme/settings/apps/new');
    expect(state).toMatch(/^[0-9a-f]{40}$/);
    expect(manifest).toMatchObject({ url: 'https://bot.acme.dev', hook_attributes: { url: 'https://bot.acme.dev/github/webhooks', active: true }, redirect_url: `${url}callback` });
    expect(manifest.default_events).toEqual(appYml.default_events);
    expect(manifest.default_permissions).toEqual(appYml.default_permissions);
    expect(JSON.stringify(manifest)).not.toContain('podbot.example.org');

    const forged = await fetch(`${url}callback?code=code-for-acme&state=${'0'.repeat(40)}`);
    expect(forged.status).toBe(400);
    expect(github.requestsTo('POST', /^\/app-manifests\//)).toHaveLength(0);
    expect(run.err()).toContain('refused a return from GitHub whose state does not match this run');

    const back = await fetch(`${url}callback?code=code-for-acme&state=${state}`);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('href="https://github.com/apps/podbot-acme/installations/new"');
    expect(await run.done).toBe(0);
    expect(github.requestsTo('POST', /^\/app-manifests\/code-for-acme\/conversions$/)).toHaveLength(1);
    expect(run.out()).toBe(
      'created the GitHub App podbot-acme (id 777), owned by acme: https://github.com/apps/podbot-acme\n' +
        `wrote GITHUB_APP_ID, GITHUB_PRIVATE_KEY, GITHUB_WEBHOOK_SECRET to ${envFile} (replaced GITHUB_APP_ID), readable by its owner only\n` +
        'install it on each organisation podbot serves: https://github.com/apps/podbot-acme/installations/new\n',
    );

    const text = await readFile(envFile, 'utf8');
    expect(text.split('\n').slice(0, 4)).toEqual(['# podbot settings', 'PORT=3001', 'GITHUB_APP_ID=777', 'GITHUB_INSTALLATION_ID=']);
    expect(text.split('\n').filter((line) => line.startsWith('GITHUB_PRIVATE_KEY='))).toHaveLength(1);
    expect((await stat(envFile)).mode & 0o777).toBe(0o600);
    // podbot reads it back: the same key, id and secret.
    const env: NodeJS.ProcessEnv = {};
    loadDotenv(envFile, env);
    const read = readEnv(env);
    expect(read.ok && read.env.github?.auth).toEqual({ kind: 'app', appId: '777', privateKey: pem, installationId: undefined });
    expect(read.ok && read.env.githubWebhookSecret).toBe('e340154128314309424b7c8e90325147d99fdafa');
  });

  it('creates the App on the personal account at PODBOT_PUBLIC_URL, and writes nothing when GitHub refuses the code', async () => {
    const envFile = join(dir, 'refused.env');
    const run = start(['--env-file', envFile], { PODBOT_PUBLIC_URL: 'https://podbot.people.dev' });
    const url = await run.page();
    const { action, state, manifest } = await readForm(url);
    expect(`${action.origin}${action.pathname}`).toBe('https://github.com/settings/apps/new');
    expect(manifest.hook_attributes.url).toBe('https://podbot.people.dev/github/webhooks');

    const back = await fetch(`${url}callback?code=spent-code&state=${state}`);
    expect(back.status).toBe(502);
    expect(await run.done).toBe(1);
    expect(run.err()).toContain('podbot github-app create: exchanging the code for the App\'s credentials failed: GitHub answered 404');
    expect(run.err()).toContain('nothing was written');
    await expect(stat(envFile)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(run.out()).toBe('');
  });

  it('refuses to replace credentials the file already has, unless --force', async () => {
    const envFile = join(dir, 'taken.env');
    const before = 'GITHUB_APP_ID=12\nGITHUB_WEBHOOK_SECRET=old\nGITHUB_APP_ID=13\n';
    await writeFile(envFile, before);
    const refused = start(['--url', 'https://bot.acme.dev', '--env-file', envFile]);
    expect(await refused.done).toBe(1);
    expect(refused.err()).toBe(`podbot github-app create: ${envFile} already sets GITHUB_APP_ID, GITHUB_WEBHOOK_SECRET; pass --force to replace them, or --env-file another file\n`);
    expect(await readFile(envFile, 'utf8')).toBe(before);

    const pem = appKey();
    github.manifestConversions.set('code-forced', createdApp(778, 'podbot-again', 'acme', pem));
    const forced = start(['--url', 'https://bot.acme.dev', '--env-file', envFile, '--force']);
    const url = await forced.page();
    const { state } = await readForm(url);
    expect((await fetch(`${url}callback?code=code-forced&state=${state}`)).status).toBe(200);
    expect(await forced.done).toBe(0);
    const text = await readFile(envFile, 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('GITHUB_'))).toEqual([
      'GITHUB_APP_ID=778',
      'GITHUB_WEBHOOK_SECRET=e340154128314309424b7c8e90325147d99fdafa',
      expect.stringMatching(/^GITHUB_PRIVATE_KEY=-----BEGIN RSA PRIVATE KEY-----\\n\S+\\n-----END RSA PRIVATE KEY-----\\n$/),
    ]);
  });

  it('gives up when asked to stop before GitHub sends the App back, writing nothing', async () => {
    const envFile = join(dir, 'stopped.env');
    const run = start(['--url', 'https://bot.acme.dev', '--env-file', envFile, '--port', '0']);
    await run.page();
    run.stop('SIGINT');
    expect(await run.done).toBe(1);
    expect(run.err()).toContain('podbot github-app create: stopped (SIGINT) before GitHub sent the App back; nothing was written');
    await expect(stat(envFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    [[], '--url PUBLIC_URL is required (or set PODBOT_PUBLIC_URL)'],
    [['--url', 'ftp://bot.acme.dev'], '--url expects podbot\'s public http(s) address'],
    [['--url', 'https://bot.acme.dev', '--org', 'not an org'], '--org expects a GitHub organisation login'],
    [['--url', 'https://bot.acme.dev', '--port', '70000'], '--port expects a whole number from 0 to 65535, not "70000"'],
    [['--url', 'https://bot.acme.dev', '--name', 'x'], 'unknown option --name'],
  ])('rejects %j with the reason and the usage, exit 2', async (argv, reason) => {
    const run = start(argv);
    expect(await run.done).toBe(2);
    expect(run.err()).toContain(reason);
    expect(run.err()).toContain('usage: podbot github-app create');
  });
});
