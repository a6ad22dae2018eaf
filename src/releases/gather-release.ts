/*
 * Gathers what a release's credits are computed from. This is the only module here that talks to GitHub;
 * every decision is made by the pure functions it calls.
 *
 * Method (requests are made one after another, as GitHub asks: "make requests for a single user or client ID
 * serially", https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests):
 *
 *  1. Previous release — skipped when the caller passes `previousTag`.
 *     `GET /repos/{o}/{r}/releases?per_page=100` (1 request), then `findPreviousReleaseCandidates` orders the
 *     published releases with the same tag prefix, newest first. The first candidate whose compare status with
 *     the tag is `ahead` or `identical` is an ancestor and wins. That check IS the first page of step 2, so the
 *     winner costs nothing extra; each rejected candidate costs one request (at most MAX_CANDIDATES are tried).
 *  2. Commits: `GET /repos/{o}/{r}/compare/{prev}...{tag}`. Unpaginated, the compare API answers the MOST RECENT
 *     250 commits ("the last commit in the list is the most recent of the entire comparison") plus `status` and
 *     `total_commits`; paginated (`per_page`, max 100), it lists from the oldest
 *     (https://docs.github.com/en/rest/commits/commits#compare-two-commits). So the first request is unpaginated
 *     (a range of ≤ 250 commits costs one request), and only the older commits are paged.
 *  3. PR numbers come from the commit subjects (`findPrNumbers`): merge commits and squash subjects. First-parent
 *     commits that name no PR (rebase merges) are "leftover" SHAs.
 *  4. One GraphQL query per LOOKUPS_PER_QUERY (500) lookups, each an alias in the same query: `pr<N>: pullRequest`
 *     for every number, and `c_<sha>: object(oid)` → `associatedPullRequests` for every leftover SHA, both
 *     returning the full PR fields (title, body, author, labels, files, commits with messages and authors).
 *     So a rebase-merged PR needs no second round trip. Only merged PRs count; a merge subject's number counts
 *     only when GitHub says that very commit merged it (fork-internal numbers belong to other repositories).
 *     Node budget per PR: labels 50 + files 100 + commits 100 = 250, × 500 lookups = 125,000 nodes, well under
 *     GraphQL's 500,000 (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#node-limit).
 *     GitHub also stops queries that run longer than 10 seconds (same page, "Timeouts"): a batch GitHub answers
 *     with a 5xx even after the client's retries is split in half and asked again, down to 50 lookups.
 *  5. First-time contributors: the ledger answers first (`findFirstTimers`). For authors it does not know, ONE
 *     batched GraphQL query of `search(query: "repo:o/r is:pr is:merged author:LOGIN merged:<T")` aliases,
 *     where T is the merge time of the author's earliest PR in this release: `issueCount == 0` means nothing was
 *     merged before, so that PR is their first. (250 authors per query: each alias is one `first: 1` search.)
 *  6. Cherry-picks whose original PR is outside the release: one GraphQL query for those PRs' authors.
 *
 * Request count:
 *   requests = R + 1 + ceil(max(0, C - 250) / 100) + X + ceil((N + L) / 500) + ceil(U / 250) + K
 *   R = 1 without `previousTag`, else 0;  C = commits in the range;  X = rejected previous-release candidates;
 *   N = PR numbers named by commits;  L = leftover first-parent SHAs;  U = authors the ledger does not know;
 *   K = 1 when a cherry-pick's original PR is outside the release, else 0.
 * A 1,000-PR release over 1,470 commits (bench/release-notes.ts: squash, merge commits with branch commits,
 * rebase merges, bots), ledger cold for 290 authors: 1 + 1 + 13 + 0 + 3 + 2 + 0 = 20 requests
 * (release-drafter needs ~75 for the same release). Merge-commit-heavy histories have more commits per PR;
 * the compare pages, ceil((C - 250) / 100), are then the floor.
 *
 * Known limits: a PR's first 100 commits and 100 files are read (co-authors on later commits and pod paths of
 * later files are missed; GitHub's own squash commit, which repeats the trailers, is always read from the range).
 */
import type { Octokit } from '@octokit/rest';
import { findCherryPickOrigin } from './core/gather/find-cherry-pick-origin';
import { findFirstTimers, type UnknownAuthor } from './core/gather/find-first-timers';
import { findPrNumbers } from './core/gather/find-pr-numbers';
import { findPreviousReleaseCandidates, type ReleaseSummary } from './core/gather/find-previous-release';
import type { GatheredPr, PrCommit, RangeCommit, ReleaseRef } from './types';

export const COMPARE_PAGE_SIZE = 100;
export const LOOKUPS_PER_QUERY = 500;
export const MIN_LOOKUPS_PER_QUERY = 50;
export const AUTHORS_PER_SEARCH_QUERY = 250;
export const MAX_CANDIDATES = 5;

export interface GatherOptions {
  owner: string;
  repo: string;
  tag: string;
  /** Overrides the previous release (CLI `--previous`). */
  previousTag?: string;
  /**
   * What to compare against instead of the tag, e.g. a draft release's `target_commitish`: GitHub creates a
   * draft's tag only when it is published. Links in the block still name the tag.
   */
  headRef?: string;
  /** `releases.tagPrefix`. */
  tagPrefix?: string;
  /** What the contribution ledger knows: login → number of their earliest merged PR in this repository. */
  ledgerFirstPrs?: ReadonlyMap<string, number>;
  /**
   * Asks the ledger about this release's human authors once they are known (each with their earliest PR in
   * the release); answers like `ledgerFirstPrs` and is merged over it. Authors it leaves out are looked up.
   */
  askLedger?: (authors: readonly UnknownAuthor[]) => Promise<ReadonlyMap<string, number>>;
  /** `releases.bots`: never looked up as first-timers. */
  bots?: readonly string[];
  /** Aliases per GraphQL query in step 4; lower it if GitHub times out on very large PRs. */
  lookupsPerQuery?: number;
  /** Progress lines (the CLI prints them to stderr). */
  onProgress?: (message: string) => void;
}

export interface GatheredRelease {
  release: ReleaseRef;
  /** Compare status of previous...tag: `ahead` or `identical`. */
  compareStatus: string;
  commitCount: number;
  prs: GatheredPr[];
  /** login → first merged PR in the repository, for first-timers of this release. */
  firstTimers: Map<string, number>;
  /** Original PR number → author, for cherry-picks whose original is not in the release. */
  cherryPickAuthors: Map<number, string>;
  /** Commit e-mail → login, from the compare API's commit authors (helps map co-author trailers). */
  knownEmails: Map<string, string>;
  /** API requests made: the number the benchmark prints. */
  requests: number;
}

/** Failures the caller reports to a person; `code` says which. */
export class GatherReleaseError extends Error {
  constructor(
    readonly code: 'NO_PREVIOUS_RELEASE' | 'NOT_AN_ANCESTOR' | 'GRAPHQL_ERROR',
    message: string,
  ) {
    super(message);
    this.name = 'GatherReleaseError';
  }
}

// ---- GitHub response shapes (only the fields read) ----

interface CompareCommit {
  sha: string;
  parents: { sha: string }[];
  commit: { message: string; author: { name?: string; email?: string } | null };
  author: { login: string } | null;
}
interface CompareResponse {
  status: string;
  total_commits: number;
  commits: CompareCommit[];
}
interface GqlPr {
  number: number;
  title: string;
  url: string;
  body: string | null;
  merged: boolean;
  mergedAt: string | null;
  mergeCommit: { oid: string } | null;
  author: { __typename: string; login: string } | null;
  labels: { nodes: { name: string }[] } | null;
  files: { nodes: { path: string }[] } | null;
  commits: {
    nodes: {
      commit: { oid: string; message: string; author: { email: string | null; name: string | null; user: { login: string } | null } | null };
    }[];
  };
}
// An `object(oid:)` that is not a commit comes back as `{}`.
type GqlLookup = GqlPr | { associatedPullRequests: { nodes: GqlPr[] } } | { [key: string]: never } | null;

const PR_FIELDS = `fragment PrFields on PullRequest {
  number title url body merged mergedAt
  mergeCommit { oid }
  author { __typename login }
  labels(first: 50) { nodes { name } }
  files(first: 100) { nodes { path } }
  commits(first: 100) { nodes { commit { oid message author { email name user { login } } } } }
}`;

export async function gatherRelease(octokit: Octokit, options: GatherOptions): Promise<GatheredRelease> {
  const { owner, repo, tag } = options;
  const head = options.headRef ?? tag;
  const progress = options.onProgress ?? (() => {});
  const lookupsPerQuery = options.lookupsPerQuery ?? LOOKUPS_PER_QUERY;
  let requests = 0;
  const counted = async <T>(call: () => Promise<T>): Promise<T> => {
    requests += 1;
    return call();
  };

  // `page` undefined: the unpaginated form, which answers the most recent (at most) 250 commits of the range.
  const comparePage = (base: string, page?: number) =>
    counted(async () => {
      // `{+basehead}` keeps the `/` of monorepo tags (`kustomize/v5.3.0`) as GitHub's own compare URLs do.
      const response = await octokit.request('GET /repos/{owner}/{repo}/compare/{+basehead}', {
        owner,
        repo,
        basehead: `${encodeRef(base)}...${encodeRef(head)}`,
        ...(page === undefined ? {} : { per_page: COMPARE_PAGE_SIZE, page }),
      });
      return response.data as CompareResponse;
    });

  // 1 + 2 (first page). Find the previous release and the first compare page together.
  let previousTag: string;
  let first: CompareResponse;
  if (options.previousTag) {
    previousTag = options.previousTag;
    first = await comparePage(previousTag);
    if (!isAncestorStatus(first.status)) {
      throw new GatherReleaseError(
        'NOT_AN_ANCESTOR',
        `${previousTag} is not an ancestor of ${tag} (compare status "${first.status}").`,
      );
    }
  } else {
    const releases = await counted(
      async () => (await octokit.rest.repos.listReleases({ owner, repo, per_page: 100 })).data as ReleaseSummary[],
    );
    const candidates = findPreviousReleaseCandidates(releases, { currentTag: tag, tagPrefix: options.tagPrefix });
    let found: { tag: string; page: CompareResponse } | null = null;
    for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
      const page = await comparePage(candidate);
      if (isAncestorStatus(page.status)) {
        found = { tag: candidate, page };
        break;
      }
      progress(`${candidate} is not an ancestor of ${tag} (${page.status}); trying an older release`);
    }
    if (!found) {
      throw new GatherReleaseError(
        'NO_PREVIOUS_RELEASE',
        `No published release before ${tag} is an ancestor of it; pass the previous tag explicitly.`,
      );
    }
    previousTag = found.tag;
    first = found.page;
  }
  progress(`comparing ${previousTag}...${head}: ${first.total_commits} commits`);

  // 2. The older commits, in pages of 100. The first (unpaginated) answer holds the newest ≤ 250 commits, so
  // only the commits before those are paged. If the union misses commits (GitHub ordered the two forms
  // differently), the remaining pages are read too: correctness first, then request count.
  const total = first.total_commits;
  const paged: CompareCommit[] = [];
  const union = () => [...new Map([...paged, ...first.commits].map((c) => [c.sha, c])).values()];
  const olderPages = Math.ceil(Math.max(0, total - first.commits.length) / COMPARE_PAGE_SIZE);
  for (let page = 1; page <= olderPages; page += 1) paged.push(...(await comparePage(previousTag, page)).commits);
  let compareCommits = union();
  for (let page = olderPages + 1; compareCommits.length < total && page <= Math.ceil(total / COMPARE_PAGE_SIZE); page += 1) {
    paged.push(...(await comparePage(previousTag, page)).commits);
    compareCommits = union();
  }

  const rangeCommits: RangeCommit[] = compareCommits.map((c) => ({
    sha: c.sha,
    parents: c.parents.map((p) => p.sha),
    message: c.commit.message,
  }));
  const knownEmails = new Map<string, string>();
  for (const c of compareCommits) {
    const email = c.commit.author?.email;
    if (email && c.author?.login) knownEmails.set(email.toLowerCase(), c.author.login);
  }

  // 3. PR numbers from subjects; leftover first-parent SHAs.
  const found = findPrNumbers(rangeCommits);
  progress(`${found.numbers.length} PRs named by commits, ${found.leftoverShas.length} commits to associate`);

  // 4. Batched GraphQL lookups.
  const lookups = [
    ...found.numbers.map((n) => ({ alias: `pr${n}`, field: `pullRequest(number: ${n}) { ...PrFields }` })),
    ...found.leftoverShas.map((sha) => ({
      alias: `c_${sha}`,
      field: `object(oid: "${sha}") { ... on Commit { associatedPullRequests(first: 1) { nodes { ...PrFields } } } }`,
    })),
  ];
  const results = new Map<string, GqlLookup>();
  let done = 0;
  const lookUp = async (batch: typeof lookups): Promise<void> => {
    const query = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
${batch.map((l) => `    ${l.alias}: ${l.field}`).join('\n')}
  }
}
${PR_FIELDS}`;
    let data: { repository: Record<string, GqlLookup> } | null;
    try {
      data = await counted(() => graphqlAllowingNotFound<{ repository: Record<string, GqlLookup> }>(octokit, query, { owner, name: repo }));
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      if (status < 500 || batch.length < 2 * MIN_LOOKUPS_PER_QUERY) throw error;
      progress(`GitHub answered ${status} for ${batch.length} lookups; asking in two halves`);
      const half = Math.ceil(batch.length / 2);
      await lookUp(batch.slice(0, half));
      await lookUp(batch.slice(half));
      return;
    }
    for (const [alias, value] of Object.entries(data?.repository ?? {})) results.set(alias, value);
    done += batch.length;
    progress(`looked up ${done} of ${lookups.length}`);
  };
  for (let i = 0; i < lookups.length; i += lookupsPerQuery) await lookUp(lookups.slice(i, i + lookupsPerQuery));

  const rangeBySha = new Map(rangeCommits.map((c) => [c.sha, c]));
  const compareBySha = new Map(compareCommits.map((c) => [c.sha, c]));
  const prs = new Map<number, GatheredPr>();
  const accept = (pr: GqlPr, namingSha: string | null) => {
    if (!pr.merged || prs.has(pr.number)) return;
    const gathered = toGatheredPr(pr);
    // GitHub's squash commit repeats every co-author trailer of the squashed commits; read it from the range.
    const naming = namingSha ? compareBySha.get(namingSha) : undefined;
    if (naming && !gathered.commits.some((c) => c.sha === naming.sha)) {
      gathered.commits.push({
        sha: naming.sha,
        message: naming.commit.message,
        authorName: naming.commit.author?.name ?? null,
        authorEmail: naming.commit.author?.email ?? null,
        authorLogin: naming.author?.login ?? null,
      });
    }
    prs.set(pr.number, gathered);
  };
  for (const match of found.matches) {
    const value = results.get(`pr${match.number}`);
    if (!value || !('number' in value)) continue;
    const pr = value as GqlPr;
    if (match.via === 'merge' && pr.mergeCommit?.oid !== match.sha) continue;
    accept(pr, match.sha);
  }
  for (const sha of found.leftoverShas) {
    const value = results.get(`c_${sha}`);
    const pr = value && 'associatedPullRequests' in value ? value.associatedPullRequests.nodes[0] : undefined;
    if (pr && rangeBySha.has(sha)) accept(pr, null);
  }
  const gatheredPrs = [...prs.values()];
  progress(`${gatheredPrs.length} merged PRs in the release`);

  // 5. First-timers: ledger first, then one batched search.
  const ledgerFirstPrs = new Map(options.ledgerFirstPrs ?? []);
  if (options.askLedger) {
    const authors = findFirstTimers(gatheredPrs, ledgerFirstPrs, options.bots ?? []).unknown;
    if (authors.length > 0) for (const [login, pr] of await options.askLedger(authors)) ledgerFirstPrs.set(login, pr);
  }
  const { firstTimers, unknown } = findFirstTimers(gatheredPrs, ledgerFirstPrs, options.bots ?? []);
  progress(`${unknown.length} authors left for the batched GitHub search`);
  const searchable = unknown.filter((u) => u.earliestMergedAt && /^[A-Za-z0-9-]+$/.test(u.login));
  for (let i = 0; i < searchable.length; i += AUTHORS_PER_SEARCH_QUERY) {
    const batch = searchable.slice(i, i + AUTHORS_PER_SEARCH_QUERY);
    const query = `query {
${batch
  .map((u, j) => {
    const before = u.earliestMergedAt!.replace(/Z$/, '+00:00');
    const q = `repo:${owner}/${repo} is:pr is:merged author:${u.login} merged:<${before}`;
    return `  u${j}: search(query: ${JSON.stringify(q)}, type: ISSUE, first: 1) { issueCount }`;
  })
  .join('\n')}
}`;
    const data = await counted(() => graphqlAllowingNotFound<Record<string, { issueCount: number } | null>>(octokit, query, {}));
    batch.forEach((u, j) => {
      if (data?.[`u${j}`]?.issueCount === 0) firstTimers.set(u.login, u.earliestPrNumber);
    });
  }
  progress(`${firstTimers.size} first-time contributors`);

  // 6. Authors of cherry-picked originals outside the release.
  const cherryPickAuthors = new Map<number, string>();
  const originals = [
    ...new Set(
      gatheredPrs
        .map((pr) => findCherryPickOrigin(pr.body))
        .filter((o): o is NonNullable<typeof o> => o !== null && o.login === null && !prs.has(o.prNumber))
        .map((o) => o.prNumber),
    ),
  ];
  if (originals.length > 0) {
    const query = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
${originals.map((n) => `    o${n}: pullRequest(number: ${n}) { author { __typename login } }`).join('\n')}
  }
}`;
    const data = await counted(() =>
      graphqlAllowingNotFound<{ repository: Record<string, { author: GqlPr['author'] } | null> }>(octokit, query, {
        owner,
        name: repo,
      }),
    );
    for (const n of originals) {
      const login = authorLogin(data?.repository?.[`o${n}`]?.author ?? null);
      if (login) cherryPickAuthors.set(n, login);
    }
  }

  return {
    release: { owner, repo, tag, previousTag },
    compareStatus: first.status,
    commitCount: rangeCommits.length,
    prs: gatheredPrs,
    firstTimers,
    cherryPickAuthors,
    knownEmails,
    requests,
  };
}

function isAncestorStatus(status: string): boolean {
  return status === 'ahead' || status === 'identical';
}

/** Percent-encodes a ref for the URL path but keeps `/`, which GitHub expects raw in compare paths. */
function encodeRef(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}

/** GraphQL returns `Bot` authors without the `[bot]` suffix REST and the UI use; put it back. */
function authorLogin(author: GqlPr['author']): string | null {
  if (!author) return null;
  return author.__typename === 'Bot' ? `${author.login}[bot]` : author.login;
}

function toGatheredPr(pr: GqlPr): GatheredPr {
  return {
    number: pr.number,
    title: pr.title,
    url: pr.url,
    authorLogin: authorLogin(pr.author),
    body: pr.body ?? '',
    labels: pr.labels?.nodes.map((l) => l.name) ?? [],
    files: pr.files?.nodes.map((f) => f.path) ?? [],
    mergedAt: pr.mergedAt,
    commits: pr.commits.nodes.map(
      ({ commit }): PrCommit => ({
        sha: commit.oid,
        message: commit.message,
        authorName: commit.author?.name ?? null,
        authorEmail: commit.author?.email ?? null,
        authorLogin: commit.author?.user?.login ?? null,
      }),
    ),
  };
}

/**
 * A `pullRequest(number:)` alias for a number that is an issue, or a PR of another repository's history,
 * makes GitHub answer NOT_FOUND for that alias next to the data of all others. Octokit throws on any error;
 * keep the partial data when every error is NOT_FOUND, and fail loudly otherwise.
 */
async function graphqlAllowingNotFound<T>(
  octokit: Octokit,
  query: string,
  variables: Record<string, unknown>,
): Promise<T | null> {
  try {
    return await octokit.graphql<T>(query, variables);
  } catch (error) {
    const e = error as { name?: string; data?: T; errors?: { type?: string; message?: string }[] };
    if (e.name === 'GraphqlResponseError' && e.data && e.errors?.every((x) => x.type === 'NOT_FOUND')) return e.data;
    if (e.name === 'GraphqlResponseError') {
      throw new GatherReleaseError(
        'GRAPHQL_ERROR',
        `GitHub GraphQL error: ${(e.errors ?? []).map((x) => x.message).join('; ')}`,
      );
    }
    throw error;
  }
}
