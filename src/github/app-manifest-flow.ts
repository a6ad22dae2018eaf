import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { manifestFor, newAppUrl, renderCreatedPage, renderCreatePage, renderProblemPage, webUrlFor, type CreatedApp, type Manifest } from './app-manifest';

/** GitHub's manifest flow must be completed within an hour; its code expires then. */
export const MANIFEST_FLOW_TIMEOUT_MS = 60 * 60_000;
const EXCHANGE_TIMEOUT_MS = 30_000;

export interface ManifestFlowOptions {
  /** app.yml as written (its placeholder URL is replaced by `publicUrl`, its redirect_url by the flow's /callback). */
  manifest: Manifest;
  /** podbot's public address: the App's page and webhook (PUBLIC_URL/github/webhooks). */
  publicUrl: string;
  /** The organisation that will own the App; none: the account of the person who creates it. */
  org?: string;
  /** GitHub's REST API (GITHUB_API_URL), where the code is exchanged; GitHub's web pages are derived from it. */
  apiUrl: string;
  /** Loopback port of the one-shot web server; 0 picks a free one. */
  port: number;
  /** Where the credentials will be written, for the browser's last page. */
  envFile: string;
  /** Resolves when the person gives up (SIGINT): the flow stops without creating anything. */
  stop: Promise<unknown>;
  timeoutMs?: number;
  /** The server listens: the person opens this address. */
  onListening(url: string): void;
  /** One line of progress or refusal, for the terminal. */
  onProgress(line: string): void;
  /**
   * Keeps the App's credentials (writes the .env file) before the browser is told the App is ready; a failure here
   * fails the flow. The code can be exchanged only once, so this is the one chance to keep them.
   */
  keep(app: CreatedApp): Promise<void>;
}

/** A failure the flow explains in plain words; nothing was kept. */
export class ManifestFlowError extends Error {
  override name = 'ManifestFlowError';
}

/**
 * Creates the GitHub App from a manifest, the way GitHub's manifest flow works, with a one-shot web server on
 * 127.0.0.1 standing in for a website:
 *
 * 1. GET / serves a page whose form posts the manifest to GitHub's "new GitHub App" page, with a random `state`;
 * 2. GitHub creates the App and sends the browser to /callback with `code` and that `state`; a callback whose state
 *    does not match is refused (another page, or a forged link), and the flow keeps waiting;
 * 3. the code is exchanged for the App's id, private key and webhook secret (POST /app-manifests/{code}/conversions,
 *    unauthenticated: the code is the credential), `keep` stores them, the browser is told, and the server closes.
 *
 * https://docs.github.com/en/apps/sharing-github-apps/registering-a-github-app-from-a-manifest
 */
export async function createAppFromManifest(options: ManifestFlowOptions): Promise<CreatedApp> {
  const state = randomBytes(20).toString('hex');
  let finish!: { resolve: (app: CreatedApp) => void; reject: (error: Error) => void };
  const finished = new Promise<CreatedApp>((resolve, reject) => (finish = { resolve, reject }));
  let exchanging = false;
  let createPage = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, renderProblemPage('Something went wrong', (error as Error).message));
      finish.reject(error as Error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ManifestFlowError(error.code === 'EADDRINUSE' ? `port ${options.port} on 127.0.0.1 is in use; choose another with --port` : error.message)),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const manifest = manifestFor(options.manifest, { publicUrl: options.publicUrl, redirectUrl: `${base}/callback` });
  createPage = renderCreatePage({ action: newAppUrl({ webUrl: webUrlFor(options.apiUrl), org: options.org, state }), manifest, org: options.org });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    if (req.method !== 'GET') return send(res, 405, renderProblemPage('Not allowed', 'This server only answers GET.'));
    if (url.pathname === '/') return send(res, 200, createPage);
    if (url.pathname !== '/callback') return send(res, 404, renderProblemPage('Not found', 'Open / to create the App.'));
    if (!sameState(url.searchParams.get('state'), state)) {
      options.onProgress('refused a return from GitHub whose state does not match this run (an old page, or a forged link); still waiting');
      return send(res, 400, renderProblemPage('Not this run', 'This address does not belong to the podbot github-app create that is running (its state does not match). Open its own page and start again from there.'));
    }
    const code = url.searchParams.get('code');
    if (!code) return send(res, 400, renderProblemPage('No code', 'GitHub sent no code: the App was not created. Start again from this server\'s page.'));
    if (exchanging) return send(res, 409, renderProblemPage('Already done', 'This App is already being set up; see the terminal.'));
    exchanging = true;
    let app: CreatedApp;
    try {
      options.onProgress('GitHub created the App; fetching its credentials');
      app = await exchange(options.apiUrl, code);
    } catch (error) {
      send(res, 502, renderProblemPage('The App could not be set up', (error as Error).message));
      finish.reject(error as Error);
      return;
    }
    try {
      await options.keep(app);
    } catch (error) {
      // The code is spent: GitHub will not give this key again, but the App's settings page makes new ones.
      const failure = new ManifestFlowError(
        `GitHub created the App ${app.name} (${app.htmlUrl}), but its credentials could not be written to ${options.envFile}: ${(error as Error).message}. ` +
          'On the App\'s settings page, generate a private key and set a webhook secret, and put them in GITHUB_PRIVATE_KEY and GITHUB_WEBHOOK_SECRET ' +
          `with GITHUB_APP_ID=${app.id}.`,
      );
      send(res, 500, renderProblemPage('The App could not be set up', failure.message));
      finish.reject(failure);
      return;
    }
    send(res, 200, renderCreatedPage({ app, envFile: options.envFile }));
    finish.resolve(app);
  }

  options.onListening(`${base}/`);
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.timeoutMs ?? MANIFEST_FLOW_TIMEOUT_MS;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ManifestFlowError(`no App came back from GitHub within ${Math.round(timeoutMs / 60_000)} minutes (GitHub's limit for the manifest flow); nothing was written`)), timeoutMs);
  });
  const stopped = options.stop.then((why) => {
    throw new ManifestFlowError(`stopped${typeof why === 'string' ? ` (${why})` : ''} before GitHub sent the App back; nothing was written`);
  });
  // Whichever loses the race may still settle later: nobody waits for it then.
  for (const outcome of [finished, expired, stopped]) outcome.catch(() => {});
  try {
    return await Promise.race([finished, expired, stopped]);
  } finally {
    clearTimeout(timer);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

function sameState(given: string | null, expected: string): boolean {
  if (given === null || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function send(res: ServerResponse, status: number, html: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end(html);
}

/** POST /app-manifests/{code}/conversions: the App's id, slug, private key and webhook secret. */
async function exchange(apiUrl: string, code: string): Promise<CreatedApp> {
  const octokit = new Octokit({ baseUrl: apiUrl.replace(/\/$/, ''), userAgent: 'podbot', request: { signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS) } });
  let data: { id?: unknown; slug?: unknown; name?: unknown; html_url?: unknown; owner?: { login?: unknown } | null; pem?: unknown; webhook_secret?: unknown };
  try {
    ({ data } = (await octokit.rest.apps.createFromManifest({ code })) as { data: typeof data });
  } catch (error) {
    const { status, message } = error as { status?: number; message?: string };
    const why = status ? `GitHub answered ${status} (${message?.split('\n')[0] ?? 'no message'})` : `GitHub could not be reached (${message ?? String(error)})`;
    throw new ManifestFlowError(`exchanging the code for the App's credentials failed: ${why}. A code works once and for an hour; nothing was written. Run podbot github-app create again.`);
  }
  if (typeof data.id !== 'number' || typeof data.pem !== 'string' || typeof data.webhook_secret !== 'string' || typeof data.html_url !== 'string') {
    throw new ManifestFlowError('GitHub\'s answer lacks the App\'s id, private key, webhook secret or address; nothing was written');
  }
  const slug = typeof data.slug === 'string' ? data.slug : String(data.id);
  return {
    id: data.id,
    slug,
    name: typeof data.name === 'string' ? data.name : slug,
    htmlUrl: data.html_url,
    owner: typeof data.owner?.login === 'string' ? data.owner.login : undefined,
    pem: data.pem,
    webhookSecret: data.webhook_secret,
  };
}
