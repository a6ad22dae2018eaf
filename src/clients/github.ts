import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from 'pino';
import type { GitHubAuth } from '../config/env';
import type { ClaimedJob, Sender, SendFailure } from '../outbox/types';

export interface GitHubSettings {
  auth: GitHubAuth;
  apiUrl: string;
  /** Per-call timeout; without one a hung call holds a send slot for minutes (undici's default is 300 s). */
  timeoutMs?: number;
}

/** GitHub's own limit for a request is 10 s for most endpoints; 30 s leaves room for large listings. */
export const GITHUB_TIMEOUT_MS = 30_000;

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

function authOptions(auth: GitHubAuth) {
  // GitHub Apps: Octokit's own app auth mints the JWT and caches installation tokens.
  return auth.kind === 'app'
    ? { authStrategy: createAppAuth, auth: { appId: auth.appId, privateKey: auth.privateKey, installationId: auth.installationId } }
    : { auth: auth.token };
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
 * Client for reads made while handling a webhook or running a CLI (PR files, releases, compare, GraphQL).
 * Retries 5xx and waits out primary and secondary rate limits a few times.
 */
export function createGitHubClient(settings: GitHubSettings, log: Logger, { retries = 3 } = {}): GitHubClient {
  return new ResilientOctokit({
    baseUrl: settings.apiUrl.replace(/\/$/, ''),
    userAgent: 'podbot',
    log: octokitLog(log),
    ...authOptions(settings.auth),
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
  }) as unknown as GitHubClient;
}

/** Marker appended to comments posted by the outbox, so an in-doubt send can be found on the issue. */
export function outboxMarker(key: string): string {
  return `<!-- podbot:job ${key.replace(/--/g, '')} -->`;
}

const COMMENT_ROUTE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

/** The outbox's GitHub client: no retries of its own, so rate limits and 5xx come back to the outbox. */
export function createGitHubSender(settings: GitHubSettings, log: Logger, concurrency = 4): Sender {
  const octokit = new Octokit({
    baseUrl: settings.apiUrl.replace(/\/$/, ''),
    userAgent: 'podbot',
    log: octokitLog(log),
    ...authOptions(settings.auth),
    // A timed-out call is in doubt (GitHub may have done it): the outbox looks it up before the next attempt.
    request: { fetch: fetchWithTimeout(settings.timeoutMs ?? GITHUB_TIMEOUT_MS) },
  });
  return {
    concurrency,
    async send(job: ClaimedJob) {
      const params = { ...job.payload };
      if (job.method === COMMENT_ROUTE && typeof params.body === 'string') params.body = `${params.body}\n\n${outboxMarker(job.key)}`;
      const response = await octokit.request(job.method, params);
      const data = response.data as { id?: number; html_url?: string; number?: number } | undefined;
      return { status: response.status, id: data?.id, url: data?.html_url };
    },
    async findDelivered(job: ClaimedJob) {
      if (job.method !== COMMENT_ROUTE) return undefined;
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
