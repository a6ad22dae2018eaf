// A repository's git and pull-request history served by the FakeGitHub the way GitHub serves it:
// the compare API (ancestry, status, pagination, the 250-commit cap), a GraphQL endpoint that really parses
// queries (aliases, arguments, variables, fragments, inline fragments) and answers only the fields asked for,
// PR search counts, and the releases listing. It is written from GitHub's documentation and observed responses,
// independently of the code that calls it.
import type { FakeGitHub, FakeRelease } from './fake-github';

export interface HistoryCommit {
  sha: string;
  /** parents[0] is the first parent; shas unknown to the history are treated as outside it. */
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  committer?: { name: string; email: string; date: string };
}

export interface HistoryPull {
  number: number;
  title: string;
  body?: string;
  /** Login as REST shows it (`dependabot[bot]` for apps); null for a deleted account ("ghost"). */
  author: string | null;
  labels?: string[];
  files?: string[];
  /** Null: closed without merging, or still open. */
  mergedAt: string | null;
  /** The commit on the base branch that merged it (merge, squash, or the last rebased commit). */
  mergeCommitSha: string | null;
  /** The PR's own commits, as its `commits` connection lists them. */
  commits: string[];
  /** Commits on the base branch GitHub associates with the PR besides its merge commit (rebase merges). */
  landedShas?: string[];
}

export interface RepoHistory {
  owner: string;
  repo: string;
  /** Oldest first; the compare API lists commits in this (chronological) order. */
  commits: HistoryCommit[];
  pulls: HistoryPull[];
  releases?: Partial<FakeRelease>[];
  /** Tag name → commit sha. */
  tags: Record<string, string>;
  /** Branch name → commit sha. */
  branches?: Record<string, string>;
  /** Verified e-mail → login: how GitHub ties commit authors to accounts (noreply addresses work without it). */
  emailLogins?: Record<string, string>;
}

export interface InstalledHistory {
  history: RepoHistory;
  /** Adds a release (newest first, as GitHub lists them) and returns it. */
  addRelease(release: Partial<FakeRelease> & { tag_name: string }): FakeRelease;
  release(id: number): FakeRelease | undefined;
}

const NOREPLY = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i;
let nextReleaseId = 5_000_000;

export function installRepoHistory(fake: FakeGitHub, history: RepoHistory): InstalledHistory {
  const { owner, repo } = history;
  const full = `${owner}/${repo}`;
  const commits = new Map(history.commits.map((c, i) => [c.sha, { ...c, order: i }]));
  const pulls = new Map(history.pulls.map((p) => [p.number, p]));
  const html = `https://github.com/${full}`;

  // ---- releases ----
  const releases: FakeRelease[] = fake.releases.get(full) ?? [];
  fake.releases.set(full, releases);
  const addRelease = (input: Partial<FakeRelease> & { tag_name: string }): FakeRelease => {
    const id = input.id ?? nextReleaseId++;
    const release: FakeRelease = {
      id,
      tag_name: input.tag_name,
      name: input.name ?? input.tag_name,
      body: input.body ?? '',
      draft: input.draft ?? false,
      prerelease: input.prerelease ?? false,
      published_at: input.draft ? null : (input.published_at ?? '2024-01-01T00:00:00Z'),
      created_at: input.created_at ?? input.published_at ?? '2024-01-01T00:00:00Z',
      html_url: input.html_url ?? `${html}/releases/tag/${input.tag_name}`,
      target_commitish: input.target_commitish ?? 'main',
    };
    releases.push(release);
    // GitHub lists releases newest first by creation.
    releases.sort((a, b) => b.created_at.localeCompare(a.created_at));
    return release;
  };
  for (const release of history.releases ?? []) addRelease(release as FakeRelease);

  // ---- refs and ancestry ----
  const resolve = (ref: string): string | undefined => {
    if (history.tags[ref]) return history.tags[ref];
    if (history.branches?.[ref]) return history.branches[ref];
    if (/^[0-9a-f]{7,40}$/i.test(ref)) {
      const hits = [...commits.keys(), ...Object.values(history.tags)].filter((sha) => sha.startsWith(ref.toLowerCase()));
      const unique = [...new Set(hits)];
      return unique.length === 1 ? unique[0] : undefined;
    }
    return undefined;
  };
  const ancestors = (sha: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const current = stack.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const parent of commits.get(current)?.parents ?? []) stack.push(parent);
    }
    return seen;
  };
  const loginOf = (email: string | undefined): string | null => {
    if (!email) return null;
    const noreply = NOREPLY.exec(email);
    if (noreply) return noreply[1];
    return history.emailLogins?.[email.toLowerCase()] ?? history.emailLogins?.[email] ?? null;
  };
  const restUser = (login: string | null) =>
    login
      ? { login, id: idOf(login), type: login.endsWith('[bot]') ? 'Bot' : 'User', html_url: `https://github.com/${login}` }
      : null;

  // ---- compare ----
  // https://docs.github.com/en/rest/commits/commits#compare-two-commits
  fake.route('GET', `/repos/${owner}/${repo}/compare/:basehead*`, ({ params, query }) => {
    const parts = params.basehead.split('...');
    if (parts.length !== 2) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/commits/commits#compare-two-commits' } };
    const base = resolve(parts[0]);
    const head = resolve(parts[1]);
    if (!base || !head) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/commits/commits#compare-two-commits' } };
    const fromBase = ancestors(base);
    const fromHead = ancestors(head);
    const ahead = [...fromHead].filter((sha) => !fromBase.has(sha) && commits.has(sha));
    const behind = [...fromBase].filter((sha) => !fromHead.has(sha) && commits.has(sha));
    const status = base === head ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
    const ordered = ahead.sort((a, b) => commits.get(a)!.order - commits.get(b)!.order);
    const paginated = query.has('page') || query.has('per_page');
    let listed: string[];
    const headers: Record<string, string> = {};
    if (paginated) {
      const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30), 1), 100);
      const page = Math.max(Number(query.get('page') ?? 1), 1);
      listed = ordered.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(ordered.length / perPage));
      if (page < last) {
        const link = (p: number, rel: string) =>
          `<${fake.apiUrl}/repos/${owner}/${repo}/compare/${params.basehead}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        headers.link = `${link(page + 1, 'next')}, ${link(last, 'last')}`;
      }
    } else {
      // Without paging parameters GitHub answers at most 250 commits, "and the last commit in the list is the
      // most recent of the entire comparison": the newest 250.
      listed = ordered.slice(-250);
    }
    return {
      headers,
      body: {
        url: `${fake.apiUrl}/repos/${full}/compare/${params.basehead}`,
        html_url: `${html}/compare/${params.basehead}`,
        status,
        ahead_by: ordered.length,
        behind_by: behind.length,
        total_commits: ordered.length,
        base_commit: restCommit(base),
        merge_base_commit: restCommit(base),
        commits: listed.map(restCommit),
        files: paginated && query.get('page') && query.get('page') !== '1' ? undefined : [],
      },
    };
  });

  function restCommit(sha: string) {
    const c = commits.get(sha);
    const author = c?.author ?? { name: 'unknown', email: 'unknown@example.com', date: '1970-01-01T00:00:00Z' };
    const committer = c?.committer ?? author;
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: `${fake.apiUrl}/repos/${full}/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
      commit: { author, committer, message: c?.message ?? '', tree: { sha: '0'.repeat(40) }, comment_count: 0 },
      author: restUser(loginOf(author.email)),
      committer: restUser(loginOf(committer.email)),
      parents: (c?.parents ?? []).map((p) => ({ sha: p, url: `${fake.apiUrl}/repos/${full}/commits/${p}`, html_url: `${html}/commit/${p}` })),
    };
  }

  // ---- GraphQL ----
  // https://docs.github.com/en/graphql/reference — only the types and fields the history can answer.
  const prUrl = (n: number) => `${html}/pull/${n}`;
  const node = (typename: string, source: unknown): TypedNode => ({ __node: true, typename, source, resolvers });
  const resolvers: Resolvers = {
    Repository: {
      pullRequest: (_src, args) => {
        const pr = pulls.get(Number(args.number));
        return pr ? node('PullRequest', pr) : notFound(`Could not resolve to a PullRequest with the number of ${args.number}.`);
      },
      object: (_src, args) => {
        const sha = args.oid ? String(args.oid) : resolve(String(args.expression ?? ''));
        return sha && commits.has(sha) ? node('Commit', commits.get(sha)) : null;
      },
      nameWithOwner: () => full,
    },
    Commit: {
      oid: (c) => c.sha,
      message: (c) => c.message,
      author: (c) => node('GitActor', c.author),
      committer: (c) => node('GitActor', c.committer ?? c.author),
      associatedPullRequests: (c, args) => {
        const list = [...pulls.values()]
          .filter((p) => p.mergeCommitSha === c.sha || p.commits.includes(c.sha) || p.landedShas?.includes(c.sha))
          .sort((a, b) => Number(b.mergeCommitSha === c.sha) - Number(a.mergeCommitSha === c.sha) || a.number - b.number);
        return connection(list.map((p) => node('PullRequest', p)), args);
      },
    },
    GitActor: {
      name: (a) => a.name,
      email: (a) => a.email,
      date: (a) => a.date,
      user: (a) => {
        const login = loginOf(a.email);
        return login && !login.endsWith('[bot]') ? node('User', { login }) : null;
      },
    },
    PullRequest: {
      number: (p) => p.number,
      title: (p) => p.title,
      body: (p) => p.body ?? '',
      url: (p) => prUrl(p.number),
      merged: (p) => p.mergedAt !== null,
      mergedAt: (p) => p.mergedAt,
      state: (p) => (p.mergedAt ? 'MERGED' : 'CLOSED'),
      mergeCommit: (p) => (p.mergeCommitSha ? node('Commit', commits.get(p.mergeCommitSha) ?? { sha: p.mergeCommitSha, parents: [], message: '', author: {} }) : null),
      // GraphQL names GitHub App accounts without the `[bot]` suffix REST shows, as type Bot.
      author: (p) =>
        p.author === null ? null : p.author.endsWith('[bot]') ? node('Bot', { login: p.author.slice(0, -'[bot]'.length) }) : node('User', { login: p.author }),
      labels: (p, args) => connection((p.labels ?? []).map((name: string) => node('Label', { name })), args),
      files: (p, args) => connection((p.files ?? []).map((path: string) => node('PullRequestChangedFile', { path })), args),
      commits: (p, args) =>
        connection(
          p.commits.map((sha: string) => node('PullRequestCommit', { commit: node('Commit', commits.get(sha) ?? { sha, parents: [], message: '', author: {} }) })),
          args,
        ),
    },
    PullRequestCommit: { commit: (pc) => pc.commit },
    User: { login: (u) => u.login },
    Bot: { login: (u) => u.login },
    Label: { name: (l) => l.name },
    PullRequestChangedFile: { path: (f) => f.path },
  };

  // https://docs.github.com/en/search-github/searching-on-github/searching-issues-and-pull-requests
  function searchPulls(q: string): HistoryPull[] {
    const terms = q.split(/\s+/).filter(Boolean);
    let list = [...pulls.values()];
    for (const term of terms) {
      const [key, ...rest] = term.split(':');
      const value = rest.join(':');
      if (key === 'repo' && value.toLowerCase() !== full.toLowerCase()) return [];
      if (term === 'is:pr') continue;
      if (term === 'is:merged') list = list.filter((p) => p.mergedAt !== null);
      if (key === 'author') {
        const wanted = value.startsWith('app/') ? `${value.slice(4)}[bot]` : value;
        list = list.filter((p) => p.author?.toLowerCase() === wanted.toLowerCase());
      }
      if (key === 'merged') {
        const m = /^(<=|>=|<|>)?(.+)$/.exec(value)!;
        const at = Date.parse(m[2]);
        list = list.filter((p) => {
          if (!p.mergedAt) return false;
          const t = Date.parse(p.mergedAt);
          return m[1] === '<' ? t < at : m[1] === '<=' ? t <= at : m[1] === '>' ? t > at : m[1] === '>=' ? t >= at : t === at;
        });
      }
    }
    return list;
  }

  // One GraphQL endpoint serves every repository installed on this fake.
  let served = servedRepos.get(fake);
  if (!served) {
    const registry = new Map<string, ServedRepo>();
    served = registry;
    servedRepos.set(fake, registry);
    const root: Resolvers = {
      Query: {
        repository: (_src, args) =>
          registry.get(`${args.owner}/${args.name}`.toLowerCase())?.repository() ??
          notFound(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`),
        search: (_src, args) => {
          const q = String(args.query ?? '');
          const repoName = /(?:^|\s)repo:(\S+)/.exec(q)?.[1]?.toLowerCase();
          const count = repoName ? (registry.get(repoName)?.searchPulls(q).length ?? 0) : 0;
          return plainNode('SearchResultItemConnection', { issueCount: count });
        },
        rateLimit: () => plainNode('RateLimit', { cost: 1, remaining: 4999, limit: 5000 }),
      },
    };
    fake.route('POST', '/graphql', ({ body }) => {
      const query = String(body?.query ?? '');
      const variables = (body?.variables ?? {}) as Record<string, unknown>;
      try {
        return { body: execute(parseGraphql(query), variables, root) };
      } catch (error) {
        if (error instanceof GraphqlQueryError) return { body: { errors: [{ message: error.message }] } };
        throw error;
      }
    });
  }
  served.set(full.toLowerCase(), { repository: () => node('Repository', {}), searchPulls });

  return {
    history,
    addRelease,
    release: (id) => releases.find((r) => r.id === id),
  };
}

function idOf(login: string): number {
  let h = 7;
  for (const ch of login.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) % 90_000_000;
  return h + 1_000;
}

// ---------------------------------------------------------------------------------------------- GraphQL
// A small GraphQL executor: enough of the language (https://spec.graphql.org/October2021/) for real clients'
// queries, with GitHub's conventions: `first` capped at 100 per connection, NOT_FOUND errors beside partial data.

type Value = string | number | boolean | null | { variable: string } | Value[] | { [key: string]: Value };
interface Field {
  kind: 'field';
  alias: string;
  name: string;
  args: Record<string, Value>;
  selections: Selection[];
  line: number;
}
type Selection = Field | { kind: 'spread'; name: string } | { kind: 'inline'; on: string | null; selections: Selection[] };
interface Document {
  operation: Selection[];
  fragments: Map<string, { on: string; selections: Selection[] }>;
}

class GraphqlQueryError extends Error {}
interface TypedNode {
  __node: true;
  typename: string;
  source: any;
  /** The resolvers of the repository the node belongs to. */
  resolvers?: Resolvers;
}
interface NotFound {
  __notFound: string;
}
type Resolvers = Record<string, Record<string, (source: any, args: Record<string, unknown>) => unknown>>;

const plainNode = (typename: string, source: unknown): TypedNode => ({ __node: true, typename, source });
interface ServedRepo {
  repository(): TypedNode;
  searchPulls(query: string): unknown[];
}
const servedRepos = new WeakMap<FakeGitHub, Map<string, ServedRepo>>();
const notFound = (message: string): NotFound => ({ __notFound: message });
const isNode = (v: unknown): v is TypedNode => typeof v === 'object' && v !== null && (v as TypedNode).__node === true;

function connection(items: TypedNode[], args: Record<string, unknown>): TypedNode {
  const first = args.first === undefined ? undefined : Number(args.first);
  const last = args.last === undefined ? undefined : Number(args.last);
  if (first === undefined && last === undefined) {
    throw new GraphqlQueryError('You must provide a `first` or `last` value to properly paginate the connection.');
  }
  const n = (first ?? last)!;
  if (n > 100) throw new GraphqlQueryError(`Requesting ${n} records on the connection exceeds the \`${first !== undefined ? 'first' : 'last'}\` limit of 100 records.`);
  const nodes = first !== undefined ? items.slice(0, n) : items.slice(-n);
  return plainNode('Connection', {
    nodes,
    totalCount: items.length,
    pageInfo: { hasNextPage: first !== undefined && items.length > n, endCursor: nodes.length ? `cursor:${nodes.length}` : null },
  });
}

function execute(doc: Document, variables: Record<string, unknown>, resolvers: Resolvers): { data: unknown; errors?: unknown[] } {
  const errors: { type: string; path: (string | number)[]; locations: { line: number; column: number }[]; message: string }[] = [];
  const argValue = (v: Value): unknown => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'variable' in v) {
      const name = (v as { variable: string }).variable;
      if (!(name in variables)) throw new GraphqlQueryError(`Variable $${name} of type String! was provided invalid value`);
      return variables[name];
    }
    if (Array.isArray(v)) return v.map(argValue);
    return v;
  };

  const collect = (typename: string, selections: Selection[], out: Field[] = []): Field[] => {
    for (const s of selections) {
      if (s.kind === 'field') out.push(s);
      else if (s.kind === 'inline') {
        if (s.on === null || s.on === typename || (s.on === 'Actor' && (typename === 'User' || typename === 'Bot'))) collect(typename, s.selections, out);
      } else {
        const fragment = doc.fragments.get(s.name);
        if (!fragment) throw new GraphqlQueryError(`Fragment ${s.name} was used, but not defined`);
        if (fragment.on === typename) collect(typename, fragment.selections, out);
      }
    }
    return out;
  };

  const resolveNode = (value: TypedNode, selections: Selection[], path: (string | number)[]): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const field of collect(value.typename, selections)) {
      const fieldPath = [...path, field.alias];
      let raw: unknown;
      if (field.name === '__typename') raw = value.typename;
      else if (value.typename === 'Connection' || value.typename === 'SearchResultItemConnection' || value.typename === 'RateLimit') {
        if (!(field.name in value.source)) throw new GraphqlQueryError(`Field '${field.name}' doesn't exist on type '${value.typename}'`);
        raw = value.source[field.name];
      } else {
        const resolver = (value.resolvers ?? resolvers)[value.typename]?.[field.name];
        if (!resolver) throw new GraphqlQueryError(`Field '${field.name}' doesn't exist on type '${value.typename}'`);
        const args = Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, argValue(v)]));
        raw = resolver(value.source, args);
      }
      result[field.alias] = complete(raw, field, fieldPath);
    }
    return result;
  };

  const complete = (raw: unknown, field: Field, path: (string | number)[]): unknown => {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'object' && '__notFound' in (raw as object)) {
      errors.push({ type: 'NOT_FOUND', path, locations: [{ line: field.line, column: 3 }], message: (raw as NotFound).__notFound });
      return null;
    }
    if (Array.isArray(raw)) return raw.map((item, i) => complete(item, field, [...path, i]));
    if (isNode(raw)) {
      if (field.selections.length === 0) throw new GraphqlQueryError(`Field must have selections (field '${field.name}' returns ${raw.typename} but has no selections.`);
      return resolveNode(raw, field.selections, path);
    }
    if (typeof raw === 'object') {
      // plain objects (pageInfo)
      const out: Record<string, unknown> = {};
      for (const f of collect('Object', field.selections)) out[f.alias] = (raw as Record<string, unknown>)[f.name] ?? null;
      return out;
    }
    return raw;
  };

  const data = resolveNode(plainNode('Query', {}), doc.operation, []);
  return errors.length ? { data, errors } : { data };
}

function parseGraphql(text: string): Document {
  const tokens: { t: string; v: string; line: number }[] = [];
  let line = 1;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '\n') {
      line += 1;
      i += 1;
    } else if (/[\s,]/.test(ch)) i += 1;
    else if (ch === '#') while (i < text.length && text[i] !== '\n') i += 1;
    else if (text.startsWith('...', i)) {
      tokens.push({ t: 'p', v: '...', line });
      i += 3;
    } else if ('{}():!$@=[]'.includes(ch)) {
      tokens.push({ t: 'p', v: ch, line });
      i += 1;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      tokens.push({ t: 's', v: JSON.parse(text.slice(i, j + 1)), line });
      i = j + 1;
    } else if (/[-0-9]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ t: 'n', v: m[0], line });
      i += m[0].length;
    } else if (/[_A-Za-z]/.test(ch)) {
      const m = /^[_A-Za-z][_0-9A-Za-z]*/.exec(text.slice(i))!;
      tokens.push({ t: 'name', v: m[0], line });
      i += m[0].length;
    } else throw new GraphqlQueryError(`Parse error on "${ch}" (line ${line})`);
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const token = tokens[pos++];
    if (!token) throw new GraphqlQueryError('Parse error: unexpected end of query');
    return token;
  };
  const expect = (v: string) => {
    const token = next();
    if (token.v !== v) throw new GraphqlQueryError(`Parse error on "${token.v}" (line ${token.line}): expected "${v}"`);
  };
  const name = () => {
    const token = next();
    if (token.t !== 'name') throw new GraphqlQueryError(`Parse error on "${token.v}" (line ${token.line}): expected a name`);
    return token.v;
  };
  const value = (): Value => {
    const token = next();
    if (token.v === '$' && token.t === 'p') return { variable: name() };
    if (token.t === 's') return token.v;
    if (token.t === 'n') return Number(token.v);
    if (token.t === 'name') return token.v === 'true' ? true : token.v === 'false' ? false : token.v === 'null' ? null : token.v;
    if (token.v === '[') {
      const list: Value[] = [];
      while (peek()?.v !== ']') list.push(value());
      expect(']');
      return list;
    }
    throw new GraphqlQueryError(`Parse error on "${token.v}" (line ${token.line})`);
  };
  const selectionSet = (): Selection[] => {
    expect('{');
    const selections: Selection[] = [];
    while (peek() && peek().v !== '}') {
      if (peek().v === '...') {
        next();
        if (peek().v === 'on') {
          next();
          const on = name();
          selections.push({ kind: 'inline', on, selections: selectionSet() });
        } else if (peek().v === '{') selections.push({ kind: 'inline', on: null, selections: selectionSet() });
        else selections.push({ kind: 'spread', name: name() });
        continue;
      }
      const lineNo = peek().line;
      const alias = name();
      let fieldName = alias;
      if (peek()?.v === ':') {
        next();
        fieldName = name();
      }
      const args: Record<string, Value> = {};
      if (peek()?.v === '(') {
        next();
        while (peek().v !== ')') {
          const key = name();
          expect(':');
          args[key] = value();
        }
        expect(')');
      }
      const selections2 = peek()?.v === '{' ? selectionSet() : [];
      selections.push({ kind: 'field', alias, name: fieldName, args, selections: selections2, line: lineNo });
    }
    expect('}');
    return selections;
  };

  let operation: Selection[] | null = null;
  const fragments = new Map<string, { on: string; selections: Selection[] }>();
  while (pos < tokens.length) {
    const token = peek();
    if (token.v === '{') {
      operation = selectionSet();
    } else if (token.v === 'query') {
      next();
      if (peek().t === 'name') name();
      if (peek().v === '(') {
        // Variable definitions: `($owner: String!, $n: Int = 1)`; types are not checked.
        while (next().v !== ')');
      }
      operation = selectionSet();
    } else if (token.v === 'fragment') {
      next();
      const fragmentName = name();
      if (name() !== 'on') throw new GraphqlQueryError('Parse error: expected "on"');
      const on = name();
      fragments.set(fragmentName, { on, selections: selectionSet() });
    } else if (token.v === 'mutation') {
      throw new GraphqlQueryError('mutations are not served by this history');
    } else throw new GraphqlQueryError(`Parse error on "${token.v}" (line ${token.line})`);
  }
  if (!operation) throw new GraphqlQueryError('No operation given');
  return { operation, fragments };
}

// ---------------------------------------------------------------------------------------------- builders

/** The parts of a recorded release-history range file (test/fixtures/release-history/README.md) a history needs. */
export interface RangeFixture {
  repo: string;
  previous_tag: string;
  tag: string;
  previous_sha: string;
  tag_sha: string;
  commits: HistoryCommit[];
  pr_commits_outside_range: HistoryCommit[];
  first_time_contributors: { login: string; pr_number: number }[];
  pull_requests: {
    number: number;
    title: string;
    author_login: string | null;
    merge_commit_sha: string;
    merged_at: string;
    commits: string[];
  }[];
}

export interface FixtureHistoryOptions {
  /** PR number → labels (the recorded history has none). */
  labels?: Record<number, string[]>;
  /** PR number → changed file paths (the recorded history has none). */
  files?: Record<number, string[]>;
  emailLogins?: Record<string, string>;
  /** PR number → body (e.g. a cherry-pick note). */
  bodies?: Record<number, string>;
}

/**
 * A history from a recorded range. The range holds only the PRs merged in it, so for every author who is not a
 * first-timer (the file lists who is, computed over the whole repository) one earlier merged PR is added,
 * dated before the previous tag: that is what makes GitHub's search say "not their first".
 */
export function historyFromFixture(fixture: RangeFixture, options: FixtureHistoryOptions = {}): RepoHistory {
  const [owner, repo] = fixture.repo.split('/');
  const known = new Set([...fixture.pr_commits_outside_range, ...fixture.commits].map((c) => c.sha));
  const previousDate = fixture.commits[0]?.author.date ?? '2020-01-01T00:00:00Z';
  const base: HistoryCommit[] = known.has(fixture.previous_sha)
    ? []
    : [{ sha: fixture.previous_sha, parents: [], message: `${fixture.previous_tag}`, author: { name: 'Release', email: 'release@example.com', date: previousDate } }];
  const firstTimers = new Set(fixture.first_time_contributors.map((f) => f.login.toLowerCase()));
  const authors = [...new Set(fixture.pull_requests.map((p) => p.author_login).filter((l): l is string => l !== null))];
  const earlier: HistoryPull[] = authors
    .filter((login) => !firstTimers.has(login.toLowerCase()))
    .map((login, i) => ({
      number: i + 1,
      title: `An earlier change by ${login}`,
      author: login,
      mergedAt: '2019-06-01T12:00:00Z',
      mergeCommitSha: null,
      commits: [],
    }));
  return {
    owner,
    repo,
    commits: [...base, ...fixture.pr_commits_outside_range, ...fixture.commits],
    pulls: [
      ...earlier,
      ...fixture.pull_requests.map((p) => ({
        number: p.number,
        title: p.title,
        body: options.bodies?.[p.number] ?? '',
        author: p.author_login,
        labels: options.labels?.[p.number] ?? [],
        files: options.files?.[p.number] ?? [],
        mergedAt: p.merged_at,
        mergeCommitSha: p.merge_commit_sha,
        commits: p.commits,
      })),
    ],
    tags: { [fixture.previous_tag]: fixture.previous_sha, [fixture.tag]: fixture.tag_sha },
    branches: { main: fixture.tag_sha },
    emailLogins: options.emailLogins,
  };
}

export interface SyntheticOptions {
  owner?: string;
  repo?: string;
  /** Merged PRs in the release. */
  prs: number;
  /** Distinct human authors to draw from. */
  authors?: number;
  /** Logins are `<loginPrefix>0001`…; long ones make long Slack announcements. Default `dev-`. */
  loginPrefix?: string;
  /** Length of each PR title (long titles make big release bodies). */
  titleLength?: number;
  seed?: number;
  previousTag?: string;
  tag?: string;
}

export interface SyntheticHistory extends RepoHistory {
  /** What the history was built with, for expectations written in terms of the recipe. */
  recipe: { squash: number; merge: number; rebase: number; bot: number; coAuthored: number; returningAuthors: string[] };
}

/**
 * A release of `prs` merged PRs with a realistic mix: squash merges (~65 %), merge commits with 1–3 branch
 * commits (~20 %), rebase merges of two commits (~5 %), bot PRs (~10 %), co-author trailers on ~10 %.
 * Half the authors have an earlier merged PR before the previous tag; the rest are first-timers.
 */
export function syntheticHistory(options: SyntheticOptions): SyntheticHistory {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'rocket';
  const previousTag = options.previousTag ?? 'v1.0.0';
  const tag = options.tag ?? 'v2.0.0';
  const random = mulberry32(options.seed ?? 42);
  const authorCount = options.authors ?? 300;
  const logins = Array.from({ length: authorCount }, (_, i) => `${options.loginPrefix ?? 'dev-'}${String(i + 1).padStart(4, '0')}`);
  const returning = logins.filter((_, i) => i % 2 === 0);
  let counter = 0;
  const shaOf = () => hexOf(++counter);
  let time = Date.parse('2025-01-01T00:00:00Z');
  const at = () => new Date((time += 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const person = (login: string) => ({ name: `Dev ${login}`, email: `${100000 + idOf(login)}+${login}@users.noreply.github.com`, date: at() });
  const github = () => ({ name: 'GitHub', email: 'noreply@github.com', date: at() });

  const commits: HistoryCommit[] = [];
  const pulls: HistoryPull[] = [];
  const root: HistoryCommit = { sha: shaOf(), parents: [], message: 'initial import', author: person('dev-0001') };
  commits.push(root);
  let main = root.sha;
  const recipe = { squash: 0, merge: 0, rebase: 0, bot: 0, coAuthored: 0, returningAuthors: returning };
  returning.forEach((login, i) =>
    pulls.push({ number: i + 1, title: `Earlier work by ${login}`, author: login, mergedAt: '2024-06-01T00:00:00Z', mergeCommitSha: null, commits: [] }),
  );
  const previousSha = main;
  const pad = (text: string) => (options.titleLength && text.length < options.titleLength ? `${text} ${'x'.repeat(options.titleLength - text.length - 1)}` : text);

  // Release PRs are numbered after the earlier ones, as GitHub numbers them in order of creation.
  const firstNumber = returning.length + 1;
  for (let i = 0; i < options.prs; i += 1) {
    const number = firstNumber + i;
    const roll = random();
    const login = logins[Math.floor(random() * logins.length)];
    const coAuthor = random() < 0.1 ? logins[Math.floor(random() * logins.length)] : null;
    const trailer = coAuthor ? `\n\nCo-authored-by: Dev ${coAuthor} <${100000 + idOf(coAuthor)}+${coAuthor}@users.noreply.github.com>` : '';
    if (coAuthor) recipe.coAuthored += 1;
    const title = pad(`Change number ${number}`);
    const branch = (n: number, author: string, parent: string) => {
      const shas: string[] = [];
      let tip = parent;
      for (let k = 0; k < n; k += 1) {
        const c: HistoryCommit = { sha: shaOf(), parents: [tip], message: `work ${k + 1} on #${number}${k === n - 1 ? trailer : ''}`, author: person(author) };
        commits.push(c);
        shas.push(c.sha);
        tip = c.sha;
      }
      return shas;
    };
    if (roll < 0.1) {
      recipe.bot += 1;
      const c: HistoryCommit = { sha: shaOf(), parents: [main], message: `Bump lib-${i} from 1.0.${i} to 1.0.${i + 1} (#${number})`, author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', date: at() }, committer: github() };
      commits.push(c);
      main = c.sha;
      pulls.push({ number, title: `Bump lib-${i} from 1.0.${i} to 1.0.${i + 1}`, author: 'dependabot[bot]', mergedAt: c.committer!.date, mergeCommitSha: c.sha, commits: [c.sha], labels: ['dependencies'] });
    } else if (roll < 0.75) {
      recipe.squash += 1;
      // The PR's own commits live on refs/pull/N/head only; the squash commit repeats their trailers.
      const own = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => ({
        sha: shaOf(),
        parents: [main],
        message: `wip ${k + 1}${k === 0 ? trailer : ''}`,
        author: person(login),
      }));
      const squash: HistoryCommit = { sha: shaOf(), parents: [main], message: `${title} (#${number})\n\n* wip 1${trailer}`, author: person(login), committer: github() };
      commits.push(...own, squash);
      main = squash.sha;
      pulls.push({ number, title, author: login, mergedAt: squash.committer!.date, mergeCommitSha: squash.sha, commits: own.map((c) => c.sha), files: [`pkg/mod-${i % 20}/file.go`] });
    } else if (roll < 0.95) {
      recipe.merge += 1;
      const own = branch(1 + Math.floor(random() * 3), login, main);
      const merge: HistoryCommit = { sha: shaOf(), parents: [main, own.at(-1)!], message: `Merge pull request #${number} from ${login}/topic-${i}\n\n${title}`, author: person('maintainer'), committer: github() };
      commits.push(merge);
      main = merge.sha;
      pulls.push({ number, title, author: login, mergedAt: merge.committer!.date, mergeCommitSha: merge.sha, commits: own, files: [`docs/page-${i % 7}.md`] });
    } else {
      recipe.rebase += 1;
      // Rebased commits are new commits on main; the PR's commits are the originals.
      const originals = [0, 1].map((k) => ({ sha: shaOf(), parents: [previousSha], message: `step ${k + 1} of #${number}`, author: person(login) }));
      const landed: string[] = [];
      for (const original of originals) {
        const c: HistoryCommit = { sha: shaOf(), parents: [main], message: original.message.replace(` of #${number}`, ''), author: original.author, committer: github() };
        commits.push(c);
        landed.push(c.sha);
        main = c.sha;
      }
      commits.push(...originals);
      pulls.push({ number, title, author: login, mergedAt: at(), mergeCommitSha: landed.at(-1)!, commits: originals.map((c) => c.sha), landedShas: landed });
    }
  }
  return {
    owner,
    repo,
    commits,
    pulls,
    tags: { [previousTag]: previousSha, [tag]: main },
    branches: { main },
    releases: [],
    recipe,
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hexOf(n: number): string {
  return n.toString(16).padStart(8, '0').repeat(5);
}
