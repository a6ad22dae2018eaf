// A fake GitHub REST API on loopback. It records every request, keeps the state the bot touches
// (users, issue comments, labels, PR files, releases) and can be told to fail or rate-limit.
// Features add endpoints with `route()` (compare, GraphQL, listings).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RecordingServer } from './http-fake';

export interface GitHubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  authorization?: string;
  at: number;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  created_at: string;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  published_at: string | null;
  created_at: string;
  html_url: string;
  target_commitish?: string;
}

/** An issue or pull request in search results (https://docs.github.com/en/rest/search/search#search-issues-and-pull-requests). */
export interface FakeSearchItem {
  number: number;
  title: string;
  html_url: string;
  state: 'open' | 'closed';
  user: { login: string; type: string } | null;
  author_association: string;
  created_at: string;
  comments: number;
  labels: { name: string }[];
  pull_request?: { url: string };
}

/** A GitHub App installation on an organisation or account. */
export interface FakeInstallation {
  id: number;
  /** Login of the organisation or user it is installed on; its tokens reach only that account's repositories. */
  account: string;
}

/** One attempt to deliver a webhook, as GitHub's deliveries API lists it. */
export interface FakeHookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  duration: number;
  status: string;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
  /** Kept by the fake (not part of GitHub's listing) so a redelivery can send the same payload. */
  payload: unknown;
}

type Handler = (request: GitHubRequest & { params: Record<string, string> }) => { status?: number; body?: unknown; headers?: Record<string, string> } | Promise<{ status?: number; body?: unknown; headers?: Record<string, string> }>;

export class FakeGitHub extends RecordingServer {
  readonly requests: GitHubRequest[] = [];
  /** Logins that exist (GET /users/:login answers 200). */
  readonly users = new Map<string, { login: string; id: number; type?: string; name?: string }>();
  /** `owner/repo#number` → comments. */
  readonly comments = new Map<string, FakeComment[]>();
  /** `owner/repo#number` → labels. */
  readonly labels = new Map<string, string[]>();
  /** `owner/repo#number` → changed file paths of a pull request. */
  readonly prFiles = new Map<string, string[]>();
  /** `owner/repo` → releases (newest first, as GitHub lists them). */
  readonly releases = new Map<string, FakeRelease[]>();
  /** `owner/repo` → issues and pull requests as GET /search/issues returns them (`state`, `created_at`, `pull_request`…). */
  readonly searchable = new Map<string, FakeSearchItem[]>();
  /**
   * GitHub App installations (see installApp). POST /app/installations/:id/access_tokens mints a token for one of them,
   * only with a JWT signed by the App's key, and a request made with that token to another account's repository is
   * answered 404, as GitHub does.
   */
  readonly installations = new Map<number, FakeInstallation>();
  /** Minted installation token → the installation it belongs to. */
  readonly installationTokens = new Map<string, number>();
  /** Tokens GitHub no longer accepts (see revokeTokensOf): a request made with one is answered 401. */
  readonly revokedTokens = new Set<string>();
  /**
   * GitHub Apps created from a manifest, by the code GitHub hands back (POST /app-manifests/:code/conversions answers
   * with the App once, then 404, as a spent or unknown code gets).
   */
  readonly manifestConversions = new Map<string, Record<string, unknown>>();
  /** When a token minted now expires (GitHub: an hour). Tests on a moved clock point it at their clock. */
  tokenExpiresAt: () => Date = () => new Date(Date.now() + 3600_000);
  private app?: { id: string; publicKey: KeyObject };
  /**
   * Webhook deliveries per hook, newest first, keyed like the API path: `app`, `repos/OWNER/REPO/HOOK_ID`,
   * `orgs/ORG/HOOK_ID`. Tests add attempts with recordDelivery; POST …/attempts calls `redeliver`.
   */
  readonly hookDeliveries = new Map<string, FakeHookDelivery[]>();
  /** What GitHub does when asked to redeliver: send the payload again (same GUID) and answer with the HTTP status. */
  redeliver?: (delivery: FakeHookDelivery) => Promise<number>;
  private routes: { method: string; pattern: RegExp; keys: string[]; handler: Handler }[] = [];
  private nextId = 1000;

  constructor() {
    super();
    this.installDefaults();
  }

  get apiUrl(): string {
    return this.url;
  }

  addUser(login: string, extra: { type?: string; name?: string } = {}): void {
    this.users.set(login.toLowerCase(), { login, id: this.nextId++, ...extra });
  }

  /** Adds an endpoint; `:name` segments become params. Later routes win over defaults. */
  route(method: string, path: string, handler: Handler): void {
    const keys: string[] = [];
    const source = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z_]+)(\*)?/g, (_m, key: string, star?: string) => {
      keys.push(key);
      return star ? '(.+)' : '([^/]+)';
    });
    this.routes.unshift({ method, pattern: new RegExp(`^${source}$`), keys, handler });
  }

  requestsTo(method: string, pathPattern: RegExp): GitHubRequest[] {
    return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
  }

  commentsOn(repo: string, number: number): FakeComment[] {
    return this.comments.get(`${repo}#${number}`) ?? [];
  }

  /** Registers the GitHub App (its id and private key, whose public half checks JWTs) and its installations. */
  installApp(app: { id: string; privateKey: string }, installations: FakeInstallation[]): void {
    this.app = { id: app.id, publicKey: createPublicKey(app.privateKey) };
    for (const installation of installations) this.installations.set(installation.id, installation);
  }

  /** The installation whose token authorised a request (undefined: a personal token, a JWT or none). */
  installationOf(request: Pick<GitHubRequest, 'authorization'>): number | undefined {
    const token = /^token (.+)$/i.exec(request.authorization ?? '')?.[1];
    return token === undefined ? undefined : this.installationTokens.get(token);
  }

  /** Requests made with a token of this installation. */
  requestsBy(installationId: number): GitHubRequest[] {
    return this.requests.filter((request) => this.installationOf(request) === installationId);
  }

  /** Tokens minted so far for an installation, oldest first. */
  tokensOf(installationId: number): string[] {
    return [...this.installationTokens].filter(([, id]) => id === installationId).map(([token]) => token);
  }

  /** Revokes every token minted so far for an installation, as GitHub may when it is suspended. */
  revokeTokensOf(installationId: number): void {
    for (const token of this.tokensOf(installationId)) this.revokedTokens.add(token);
  }

  reset(): void {
    this.requests.length = 0;
  }

  /** Records one delivery attempt of `hook` (newest first) and returns it. */
  recordDelivery(hook: string, attempt: { guid: string; event: string; action?: string; statusCode: number; payload: unknown; redelivery?: boolean; at?: Date }): FakeHookDelivery {
    const delivery: FakeHookDelivery = {
      id: this.nextId++,
      guid: attempt.guid,
      delivered_at: (attempt.at ?? new Date()).toISOString(),
      redelivery: attempt.redelivery ?? false,
      duration: 0.1,
      status: attempt.statusCode >= 200 && attempt.statusCode < 300 ? 'OK' : attempt.statusCode === 0 ? 'timed out' : `Invalid HTTP Response: ${attempt.statusCode}`,
      status_code: attempt.statusCode,
      event: attempt.event,
      action: attempt.action ?? null,
      installation_id: null,
      repository_id: null,
      payload: attempt.payload,
    };
    this.hookDeliveries.set(hook, [delivery, ...(this.hookDeliveries.get(hook) ?? [])]);
    return delivery;
  }

  protected async handle(req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const text = raw.toString('utf8');
    const request: GitHubRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(request);
    const fault = this.takeFault(`${request.method} ${request.path}`);
    this.checkLostAnswer(`${request.method} ${request.path}`, res);
    if (fault) return this.sendFault(res, fault);
    const unauthenticated = request.method === 'POST' && /^\/app-manifests\/[^/]+\/conversions$/.test(request.path);
    if (!request.authorization && !unauthenticated) return this.send(res, 401, { message: 'Requires authentication' });
    if (this.revokedTokens.has(/^token (.+)$/i.exec(request.authorization ?? '')?.[1] ?? '')) return this.send(res, 401, { message: 'Bad credentials' });
    const installation = this.installations.get(this.installationOf(request) ?? -1);
    const owner = /^\/repos\/([^/]+)\//.exec(request.path)?.[1];
    if (installation && owner && owner.toLowerCase() !== installation.account.toLowerCase()) {
      return this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    for (const route of this.routes) {
      if (route.method !== request.method) continue;
      const m = route.pattern.exec(request.path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = m[i + 1]));
      const answer = await route.handler({ ...request, params });
      return this.send(res, answer.status ?? 200, answer.body, answer.headers);
    }
    this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  /** The App's JWT: RS256, signed by its private key, issued by its id, not expired. */
  private appJwtValid(authorization: string | undefined): boolean {
    const jwt = /^bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!this.app || !jwt) return false;
    const [header, payload, signature] = jwt.split('.');
    if (!signature) return false;
    const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.app.publicKey, Buffer.from(signature, 'base64url'));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown; exp?: number };
    return signed && String(claims.iss) === this.app.id && (claims.exp ?? 0) * 1000 > Date.now();
  }

  private installDeliveryRoutes(): void {
    // https://docs.github.com/en/rest/webhooks/repo-deliveries, …/orgs/webhooks, …/apps/webhooks
    const hooks: [string, (params: Record<string, string>) => string][] = [
      ['/app/hook', () => 'app'],
      ['/repos/:owner/:repo/hooks/:hook_id', (p) => `repos/${p.owner}/${p.repo}/${p.hook_id}`],
      ['/orgs/:org/hooks/:hook_id', (p) => `orgs/${p.org}/${p.hook_id}`],
    ];
    for (const [prefix, keyOf] of hooks) {
      this.route('GET', `${prefix}/deliveries`, ({ params, query, path }) => {
        const listed = (this.hookDeliveries.get(keyOf(params)) ?? []).map(({ payload: _payload, ...delivery }) => delivery);
        return paginate(this.url, path, listed, query);
      });
      this.route('POST', `${prefix}/deliveries/:delivery_id/attempts`, async ({ params }) => {
        const key = keyOf(params);
        const original = (this.hookDeliveries.get(key) ?? []).find((d) => String(d.id) === params.delivery_id);
        if (!original) return { status: 404, body: { message: 'Not Found' } };
        if (this.redeliver) {
          // GitHub answers 202 and delivers shortly after; the fake delivers before answering, which tests can await.
          const statusCode = await this.redeliver(original);
          this.recordDelivery(key, { guid: original.guid, event: original.event, action: original.action ?? undefined, statusCode, payload: original.payload, redelivery: true });
        }
        return { status: 202, body: {} };
      });
    }
  }

  private installDefaults(): void {
    this.installDeliveryRoutes();
    this.route('POST', '/app/installations/:id/access_tokens', ({ params, authorization }) => {
      if (!this.appJwtValid(authorization)) return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
      const installation = this.installations.get(Number(params.id));
      if (!installation) return { status: 404, body: { message: 'Not Found' } };
      const token = `ghs_${installation.id}_${this.installationTokens.size + 1}`;
      this.installationTokens.set(token, installation.id);
      return { status: 201, body: { token, expires_at: this.tokenExpiresAt().toISOString(), permissions: { issues: 'write', pull_requests: 'write', contents: 'write', metadata: 'read' }, repository_selection: 'all' } };
    });
    this.route('POST', '/app-manifests/:code/conversions', ({ params }) => {
      const app = this.manifestConversions.get(params.code);
      if (!app) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest' } };
      this.manifestConversions.delete(params.code);
      return { status: 201, body: app };
    });
    this.route('GET', '/repos/:owner/:repo/installation', ({ authorization, params }) => {
      if (!this.appJwtValid(authorization)) return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
      const installation = [...this.installations.values()].find((i) => i.account.toLowerCase() === params.owner.toLowerCase());
      return installation ? { body: { id: installation.id, account: { login: installation.account } } } : { status: 404, body: { message: 'Not Found' } };
    });
    this.route('GET', '/app/installations', ({ authorization, query }) => {
      if (!this.appJwtValid(authorization)) return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
      const all = [...this.installations.values()].map(({ id, account }) => ({ id, account: { login: account, type: 'Organization' } }));
      return paginate(this.url, '/app/installations', all, query);
    });
    this.route('GET', '/users/:login', ({ params }) => {
      const user = this.users.get(params.login.toLowerCase());
      return user ? { body: { ...user, type: user.type ?? 'User', html_url: `https://github.com/${user.login}` } } : { status: 404, body: { message: 'Not Found' } };
    });
    this.route('GET', '/repos/:owner/:repo/issues/:number/comments', ({ params, query }) => {
      const all = this.comments.get(`${params.owner}/${params.repo}#${params.number}`) ?? [];
      return paginate(this.url, `/repos/${params.owner}/${params.repo}/issues/${params.number}/comments`, all, query);
    });
    this.route('POST', '/repos/:owner/:repo/issues/:number/comments', ({ params, body }) => {
      const key = `${params.owner}/${params.repo}#${params.number}`;
      const comment: FakeComment = {
        id: this.nextId++,
        body: body?.body ?? '',
        user: { login: 'podbot[bot]', type: 'Bot' },
        html_url: `https://github.com/${params.owner}/${params.repo}/issues/${params.number}#issuecomment-${this.nextId}`,
        created_at: new Date().toISOString(),
      };
      this.comments.set(key, [...(this.comments.get(key) ?? []), comment]);
      return { status: 201, body: comment };
    });
    this.route('POST', '/repos/:owner/:repo/issues/:number/labels', ({ params, body }) => {
      const key = `${params.owner}/${params.repo}#${params.number}`;
      const added: string[] = Array.isArray(body) ? body : (body?.labels ?? []);
      const next = [...new Set([...(this.labels.get(key) ?? []), ...added])];
      this.labels.set(key, next);
      return { body: next.map((name, i) => ({ id: i + 1, name })) };
    });
    this.route('GET', '/repos/:owner/:repo/pulls/:number/files', ({ params, query }) => {
      const files = (this.prFiles.get(`${params.owner}/${params.repo}#${params.number}`) ?? []).map((filename) => ({ filename, status: 'modified' }));
      return paginate(this.url, `/repos/${params.owner}/${params.repo}/pulls/${params.number}/files`, files, query);
    });
    // Search: the `repo:`, `is:open`/`is:closed`, `is:issue`/`is:pr` and `created:>=DATE` qualifiers, sort=created.
    this.route('GET', '/search/issues', ({ query }) => {
      const q = query.get('q') ?? '';
      const repo = /(?:^|\s)repo:(\S+)/.exec(q)?.[1];
      if (!repo) return { status: 422, body: { message: 'Validation Failed', errors: [{ message: 'this fake needs a repo: qualifier' }] } };
      const state = /(?:^|\s)is:(open|closed)/.exec(q)?.[1];
      const type = /(?:^|\s)is:(issue|pr|pull-request)\b/.exec(q)?.[1];
      const since = /(?:^|\s)created:>=(\S+)/.exec(q)?.[1];
      let items = (this.searchable.get(repo) ?? []).filter(
        (item) =>
          (!state || item.state === state) &&
          (!type || (type === 'issue') === !item.pull_request) &&
          (!since || item.created_at >= since),
      );
      if (query.get('sort') === 'created') {
        items = [...items].sort((a, b) => a.created_at.localeCompare(b.created_at) * (query.get('order') === 'asc' ? 1 : -1));
      }
      const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
      const page = Math.max(Number(query.get('page') ?? 1), 1);
      return { body: { total_count: items.length, incomplete_results: false, items: items.slice((page - 1) * perPage, page * perPage) } };
    });
    this.route('GET', '/repos/:owner/:repo/releases', ({ params, query }) =>
      paginate(this.url, `/repos/${params.owner}/${params.repo}/releases`, this.releases.get(`${params.owner}/${params.repo}`) ?? [], query),
    );
    this.route('GET', '/repos/:owner/:repo/releases/tags/:tag*', ({ params }) => {
      const release = (this.releases.get(`${params.owner}/${params.repo}`) ?? []).find((r) => r.tag_name === params.tag);
      return release ? { body: release } : { status: 404, body: { message: 'Not Found' } };
    });
    this.route('GET', '/repos/:owner/:repo/releases/:id', ({ params }) => {
      const release = (this.releases.get(`${params.owner}/${params.repo}`) ?? []).find((r) => String(r.id) === params.id);
      return release ? { body: release } : { status: 404, body: { message: 'Not Found' } };
    });
    this.route('PATCH', '/repos/:owner/:repo/releases/:id', ({ params, body }) => {
      const release = (this.releases.get(`${params.owner}/${params.repo}`) ?? []).find((r) => String(r.id) === params.id);
      if (!release) return { status: 404, body: { message: 'Not Found' } };
      if (typeof body?.body === 'string' && body.body.length > 125_000) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'custom', field: 'body', message: 'body is too long (maximum is 125000 characters)' }] } };
      }
      Object.assign(release, body);
      return { body: release };
    });
  }
}

/** GitHub-style pagination with per_page/page and a Link header. */
export function paginate(base: string, path: string, items: unknown[], query: URLSearchParams): { body: unknown[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
  const page = Math.max(Number(query.get('page') ?? 1), 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    links.push(`<${base}${path}?${q}>; rel="${rel}"`);
  };
  if (page < last) {
    link(page + 1, 'next');
    link(last, 'last');
  }
  return { body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}
