import { createAppAuth, type StrategyOptions } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from 'pino';
import type { GitHubAuth } from '../config/env';
import { systemClock, type ClaimedJob, type Clock, type Sender, type SendFailure } from '../outbox/types';
import { currentInstallation } from './github-installation-scope';

export interface GitHubSettings {
  auth: GitHubAuth;
  apiUrl: string;
  /** Per-call timeout; without one a hung call holds a send slot for minutes (undici's default is 300 s). */
  timeoutMs?: number;
  /** Decides when an installation token is due for renewal; defaults to the system clock. */
  clock?: Clock;
  /** Installation tokens shared by several pools (the reads clients and the outbox's sender mint one token each, not two). */
  tokens?: InstallationTokenCache;
}

/** GitHub's own limit for a request is 10 s for most endpoints; 30 s leaves room for large listings. */
export const GITHUB_TIMEOUT_MS = 30_000;

/**
 * An installation token lives an hour (its `expires_at`); podbot mints a new one when less than this is left, so
 * no call, retries included, starts with a token about to expire.
 * https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app
 */
export const TOKEN_RENEWAL_MARGIN_MS = 5 * 60_000;

/** fetch with a deadline: each call is aborted after `timeoutMs` unless the caller's own signal fires first. */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(input, { ...init, signal });
  };
}

const ResilientOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof Octokit>;

export type TokenCache = NonNullable<StrategyOptions['cache']>;

/** The token cache, and a way to drop an installation's token (uninstalled, suspended, or its token refused). */
export type InstallationTokenCache = TokenCache & { forget(installationId: number): void };

/**
 * Installation tokens of every installation, renewed by their `expires_at` read from `clock` (Octokit's own cache
 * keeps a token 59 minutes by the wall clock whatever GitHub said). Entries are Octokit's
 * `token|createdAt|expiresAt|…` strings, keyed `installationId|…`; one per installation, so the map stays as small
 * as the installation count.
 */
export function createTokenCache(clock: Clock): InstallationTokenCache {
  const entries = new Map<string, string>();
  return {
    forget(installationId: number) {
      for (const key of entries.keys()) if (key.split('|')[0] === String(installationId)) entries.delete(key);
    },
    get(key: string) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined as unknown as string;
      const expiresAt = Date.parse(entry.split('|')[2] ?? '');
      if (!(expiresAt - clock.now().getTime() > TOKEN_RENEWAL_MARGIN_MS)) {
        entries.delete(key);
        return undefined as unknown as string;
      }
      return entry;
    },
    set(key: string, value: string) {
      entries.set(key, value);
    },
  };
}

type AuthOptions = { authStrategy?: unknown; auth?: unknown };

type Endpoint = { url: string; headers: Record<string, string>; owner?: unknown; repo?: unknown; q?: unknown; variables?: { owner?: unknown; name?: unknown } };
type Request = ((route: string | object, parameters?: object) => Promise<{ data: unknown }>) & { endpoint: { merge(route: unknown, parameters?: unknown): Endpoint } };

/** Routes GitHub accepts only as the App, with a JWT (installations, access tokens, the App itself). */
const APP_ROUTE = /^\/(?:app(?:\/|$|\?)|marketplace_listing\/|(?:repos\/[^/]+\/[^/]+|orgs\/[^/]+|users\/[^/]+)\/installation(?:$|\?))/;

/**
 * The repository a call is about: REST routes under /repos/{owner}/{repo}, a search limited to one repository
 * (`q: "repo:owner/name …"`), or GraphQL `$owner`/`$name` variables.
 */
function repositoryOf(endpoint: Endpoint): { owner: string; repo: string } | undefined {
  if (typeof endpoint.owner === 'string' && typeof endpoint.repo === 'string' && endpoint.url.includes('{owner}')) return { owner: endpoint.owner, repo: endpoint.repo };
  const inUrl = /\/repos\/([^/{}?]+)\/([^/{}?]+)/.exec(endpoint.url);
  if (inUrl) return { owner: decodeURIComponent(inUrl[1]), repo: decodeURIComponent(inUrl[2]) };
  const inQuery = typeof endpoint.q === 'string' ? /(?:^|\s)repo:([^/\s]+)\/(\S+)/.exec(endpoint.q) : null;
  if (inQuery) return { owner: inQuery[1], repo: inQuery[2] };
  const { owner, name } = endpoint.variables ?? {};
  return typeof owner === 'string' && typeof name === 'string' ? { owner, repo: name } : undefined;
}

/**
 * App auth for calls made outside a webhook delivery (Slack commands, scheduled work, CLIs, and outbox jobs
 * enqueued there). A call about a repository uses the installation on that repository's owner, found once per
 * owner with GET /repos/{owner}/{repo}/installation; any other call, or one about an account the App is not
 * installed on, uses GITHUB_INSTALLATION_ID, else the App's first installation (GET /app/installations). Both
 * look-ups are made as the App, with a JWT.
 */
function createDefaultInstallationAuth(options: StrategyOptions & { defaultInstallationId?: number; request?: unknown; cache: InstallationTokenCache }) {
  const { defaultInstallationId, ...appOptions } = options;
  const app = createAppAuth(appOptions);
  let first: Promise<number> | undefined;
  const byOwner = new Map<string, Promise<number | undefined>>();

  async function asApp(request: Request, route: string, parameters: object) {
    const { token } = await app({ type: 'app' });
    return request(route, { ...parameters, headers: { authorization: `bearer ${token}` } });
  }

  function fallback(request: Request): Promise<number> {
    if (defaultInstallationId !== undefined) return Promise.resolve(defaultInstallationId);
    first ??= asApp(request, 'GET /app/installations', { per_page: 1 }).then(
      ({ data }) => {
        const installation = (data as { id: number }[])[0];
        if (!installation) throw new Error('the GitHub App has no installation yet: install it on an organisation, or set GITHUB_INSTALLATION_ID');
        return installation.id;
      },
      (error: unknown) => {
        first = undefined;
        throw error;
      },
    );
    return first;
  }

  function installationOn(request: Request, { owner, repo }: { owner: string; repo: string }): Promise<number | undefined> {
    const key = owner.toLowerCase();
    let found = byOwner.get(key);
    if (!found) {
      found = asApp(request, 'GET /repos/{owner}/{repo}/installation', { owner, repo }).then(
        ({ data }) => (data as { id: number }).id,
        (error: { status?: number }) => {
          byOwner.delete(key);
          if (error.status === 404) return undefined; // not installed there: the default, and ask again next time
          throw error;
        },
      );
      byOwner.set(key, found);
    }
    return found;
  }

  return Object.assign((authOptions: Parameters<typeof app>[0]) => app(authOptions), {
    async hook(request: Request, route: unknown, parameters?: unknown) {
      const endpoint = request.endpoint.merge(route, parameters);
      // Calls made as the App (minting a token goes through this hook too): Octokit's App auth signs them with the JWT.
      if (APP_ROUTE.test(endpoint.url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/api\/v3/, ''))) return app.hook(request as never, route as never, parameters as never);
      const repository = repositoryOf(endpoint);
      const installationId = (repository && (await installationOn(request, repository))) ?? (await fallback(request));
      return renewingRefusedToken(options.cache, installationId, async () => {
        const { token } = await app({ type: 'installation', installationId });
        endpoint.headers.authorization = `token ${token}`;
        return request(endpoint);
      });
    },
  });
}

/** App auth for one installation's client: Octokit's, with a refused token renewed (see renewingRefusedToken). */
function createInstallationAuth(options: StrategyOptions & { installationId: number; cache: InstallationTokenCache }) {
  const app = createAppAuth(options);
  return Object.assign((authOptions: Parameters<typeof app>[0]) => app(authOptions), {
    hook: (request: Request, route: unknown, parameters?: unknown) =>
      renewingRefusedToken(options.cache, options.installationId, () => app.hook(request as never, route as never, parameters as never)),
  });
}

/**
 * Makes a call with an installation's token; if GitHub answers 401, the cached token is no longer accepted (GitHub
 * revoked it, e.g. while the installation was suspended, which another replica may have been told about), so it is
 * dropped and the call made once more with a new one. A 401 changes nothing on GitHub, so the retry cannot double a
 * write. Octokit itself only retries a 401 in the first seconds of a new token.
 */
async function renewingRefusedToken<T>(tokens: InstallationTokenCache, installationId: number, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if ((error as { status?: number }).status !== 401) throw error;
    tokens.forget(installationId);
    return send();
  }
}

/**
 * One Octokit per GitHub App installation, made on first use and kept, each authenticating as its installation
 * (installation tokens minted with the App's JWT, cached and renewed before they expire). So each organisation's
 * calls go with its own token and meet its own rate limit. With a token (GITHUB_TOKEN) there is one client.
 */
export class GitHubClientPool {
  private readonly clients = new Map<number | 'default', GitHubClient>();
  private readonly tokens: InstallationTokenCache;
  /** Uses, at each call, the installation of the webhook delivery being handled, else the default installation. */
  readonly current: GitHubClient;

  constructor(
    private readonly settings: GitHubSettings,
    private readonly make: (auth: AuthOptions) => GitHubClient,
  ) {
    this.tokens = settings.tokens ?? createTokenCache(settings.clock ?? systemClock);
    this.current = new Proxy({} as GitHubClient, {
      get: (_target, property) => {
        const client = this.for(currentInstallation());
        return Reflect.get(client, property, client);
      },
    });
  }

  /**
   * The client of an installation. undefined: the default client, which uses the installation on the owner of the
   * repository a call is about, else GITHUB_INSTALLATION_ID, else the App's first installation.
   */
  for(installationId?: number): GitHubClient {
    const { auth } = this.settings;
    const key = auth.kind === 'app' ? (installationId ?? 'default') : 'default';
    let client = this.clients.get(key);
    if (!client) {
      client = this.make(this.authOptions(key));
      this.clients.set(key, client);
    }
    return client;
  }

  /**
   * Drops an installation's client and cached token (the App was uninstalled from that organisation, or suspended
   * there, or its permissions changed): its next call, if any, makes a new client and mints a new token. The default
   * client goes too, since the installations it found by owner may include this one; other installations' tokens stay.
   */
  forget(installationId: number): void {
    this.clients.delete(installationId);
    this.clients.delete('default');
    this.tokens.forget(installationId);
  }

  /** How many installation clients are kept (for logs and tests). */
  get size(): number {
    return this.clients.size;
  }

  private authOptions(key: number | 'default'): AuthOptions {
    const { auth } = this.settings;
    if (auth.kind === 'token') return { auth: auth.token };
    const app = { appId: auth.appId, privateKey: auth.privateKey, cache: this.tokens };
    // Octokit's App auth mints the JWT, then the installation token, and retries a 401 of a just-minted token.
    if (key === 'default') return { authStrategy: createDefaultInstallationAuth, auth: { ...app, defaultInstallationId: auth.installationId } };
    return { authStrategy: createInstallationAuth, auth: { ...app, installationId: key } };
  }
}

function octokitLog(log: Logger) {
  const child = log.child({ component: 'octokit' });
  return {
    debug: () => {},
    info: () => {},
    warn: (message: string) => child.warn(message),
    error: (message: string) => child.error(message),
  };
}

/**
 * Clients for reads made while handling a webhook or running a CLI (PR files, releases, compare, GraphQL), one per
 * installation. Each retries 5xx and waits out primary and secondary rate limits a few times; the limits are per
 * installation, and so is each client's throttling.
 */
export function createGitHubClients(settings: GitHubSettings, log: Logger, { retries = 3 } = {}): GitHubClientPool {
  return new GitHubClientPool(
    settings,
    (auth) =>
      new ResilientOctokit({
        baseUrl: settings.apiUrl.replace(/\/$/, ''),
        userAgent: 'podbot',
        log: octokitLog(log),
        ...auth,
        request: { fetch: fetchWithTimeout(settings.timeoutMs ?? GITHUB_TIMEOUT_MS) },
        retry: { retries, retryAfterBaseValue: 200 },
        throttle: {
          onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
            log.warn({ retryAfter, route: `${options.method} ${options.url}` }, 'github: rate limited');
            return retryCount < retries;
          },
          onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
            log.warn({ retryAfter, route: `${options.method} ${options.url}` }, 'github: secondary rate limit');
            return retryCount < retries;
          },
        },
      }) as unknown as GitHubClient,
  );
}

/** The reads client of the current installation (see createGitHubClients), for code that takes one client. */
export function createGitHubClient(settings: GitHubSettings, log: Logger, options: { retries?: number } = {}): GitHubClient {
  return createGitHubClients(settings, log, options).current;
}

/** Marker appended to comments posted by the outbox, so an in-doubt send can be found on the issue. */
export function outboxMarker(key: string): string {
  return `<!-- podbot:job ${key.replace(/--/g, '')} -->`;
}

const COMMENT_ROUTE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

/** The outbox's GitHub sender, which also drops an installation's client and token (see GitHubClientPool.forget). */
export type GitHubSender = Sender & { forget(installationId: number): void };

/**
 * The outbox's GitHub client: no retries of its own, so rate limits and 5xx come back to the outbox. A job is sent
 * with the client of the installation it was enqueued for (`job.installationId`, from the webhook that caused it).
 */
export function createGitHubSender(settings: GitHubSettings, log: Logger, concurrency = 4): GitHubSender {
  const pool = new GitHubClientPool(
    settings,
    (auth) =>
      new Octokit({
        baseUrl: settings.apiUrl.replace(/\/$/, ''),
        userAgent: 'podbot',
        log: octokitLog(log),
        ...auth,
        // A timed-out call is in doubt (GitHub may have done it): the outbox looks it up before the next attempt.
        request: { fetch: fetchWithTimeout(settings.timeoutMs ?? GITHUB_TIMEOUT_MS) },
      }),
  );
  return {
    concurrency,
    forget: (installationId) => pool.forget(installationId),
    async send(job: ClaimedJob) {
      const octokit = pool.for(job.installationId ?? undefined);
      const params = { ...job.payload };
      if (job.method === COMMENT_ROUTE && typeof params.body === 'string') params.body = `${params.body}\n\n${outboxMarker(job.key)}`;
      const response = await octokit.request(job.method, params);
      const data = response.data as { id?: number; html_url?: string; number?: number } | undefined;
      return { status: response.status, id: data?.id, url: data?.html_url };
    },
    async findDelivered(job: ClaimedJob) {
      if (job.method !== COMMENT_ROUTE) return undefined;
      const octokit = pool.for(job.installationId ?? undefined);
      const { owner, repo, issue_number } = job.payload as { owner: string; repo: string; issue_number: number };
      const marker = outboxMarker(job.key);
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
      const found = comments.find((comment) => comment.body?.includes(marker));
      return found ? { status: 200, id: found.id, url: found.html_url, recovered: true } : undefined;
    },
    classify: classifyGitHubError,
  };
}

export function classifyGitHubError(error: unknown): SendFailure {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> } };
  const message = e?.message ?? String(error);
  const status = e?.status;
  const headers = e?.response?.headers ?? {};
  if (status === 429 || (status === 403 && (headers['retry-after'] || headers['x-ratelimit-remaining'] === '0'))) {
    const retryAfter = Number(headers['retry-after']);
    const reset = Number(headers['x-ratelimit-reset']);
    const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : Number.isFinite(reset) ? Math.max(1000, reset * 1000 - Date.now()) : 60_000;
    return { kind: 'rate-limited', retryAfterMs: waitMs, message };
  }
  if (status === undefined || status >= 500 || status === 408) return { kind: 'transient', message };
  return { kind: 'permanent', code: `http_${status}`, message };
}
