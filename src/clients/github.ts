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
  tokens?: TokenCache;
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

/**
 * Installation tokens of every installation, renewed by their `expires_at` read from `clock` (Octokit's own cache
 * keeps a token 59 minutes by the wall clock whatever GitHub said). Entries are Octokit's
 * `token|createdAt|expiresAt|…` strings; one per installation, so the map stays as small as the installation count.
 */
export function createTokenCache(clock: Clock): TokenCache {
  const entries = new Map<string, string>();
  return {
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

/**
 * App auth for calls no webhook scopes when GITHUB_INSTALLATION_ID is unset: the App's first installation, found once
 * with GET /app/installations (as the App, with a JWT).
 */
function createFirstInstallationAuth(options: StrategyOptions & { request?: unknown }) {
  const app = createAppAuth(options);
  let found: Promise<number> | undefined;
  type Request = ((route: string, parameters?: object) => Promise<{ data: unknown }>) & { endpoint: { merge(route: unknown, parameters?: unknown): { headers: Record<string, string> } } };
  function installationId(request: Request): Promise<number> {
    found ??= (async () => {
      const { token } = await app({ type: 'app' });
      const { data } = await request('GET /app/installations', { per_page: 1, headers: { authorization: `bearer ${token}` } });
      const first = (data as { id: number }[])[0];
      if (!first) throw new Error('the GitHub App has no installation yet: install it on an organisation, or set GITHUB_INSTALLATION_ID');
      return first.id;
    })().catch((error: unknown) => {
      found = undefined;
      throw error;
    });
    return found;
  }
  return Object.assign((authOptions: Parameters<typeof app>[0]) => app(authOptions), {
    async hook(request: Request, route: unknown, parameters?: unknown) {
      const endpoint = request.endpoint.merge(route, parameters);
      const { token } = await app({ type: 'installation', installationId: await installationId(request) });
      endpoint.headers.authorization = `token ${token}`;
      return (request as unknown as (options: object) => Promise<unknown>)(endpoint);
    },
  });
}

/**
 * One Octokit per GitHub App installation, made on first use and kept, each authenticating as its installation
 * (installation tokens minted with the App's JWT, cached and renewed before they expire). So each organisation's
 * calls go with its own token and meet its own rate limit. With a token (GITHUB_TOKEN) there is one client.
 */
export class GitHubClientPool {
  private readonly clients = new Map<number | 'default', GitHubClient>();
  private readonly tokens: TokenCache;
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

  /** The client of an installation; undefined: the default (GITHUB_INSTALLATION_ID, else the App's first installation). */
  for(installationId?: number): GitHubClient {
    const { auth } = this.settings;
    const key = auth.kind === 'app' ? (installationId ?? auth.installationId ?? 'default') : 'default';
    let client = this.clients.get(key);
    if (!client) {
      client = this.make(this.authOptions(key));
      this.clients.set(key, client);
    }
    return client;
  }

  /** Drops an installation's client (the App was uninstalled from that organisation). */
  forget(installationId: number): void {
    this.clients.delete(installationId);
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
    if (key === 'default') return { authStrategy: createFirstInstallationAuth, auth: app };
    return { authStrategy: createAppAuth, auth: { ...app, installationId: key } };
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

/**
 * The outbox's GitHub client: no retries of its own, so rate limits and 5xx come back to the outbox. A job is sent
 * with the client of the installation it was enqueued for (`job.installationId`, from the webhook that caused it).
 */
export function createGitHubSender(settings: GitHubSettings, log: Logger, concurrency = 4): Sender {
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
