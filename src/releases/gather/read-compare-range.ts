import { findPreviousReleaseCandidates, type ReleaseSummary } from '../core/gather/find-previous-release';
import type { CompareCommit, CompareResponse } from '../core/gather/github-shapes';
import { GatherReleaseError, type GatherClient } from './gather-client';

export const COMPARE_PAGE_SIZE = 100;
export const MAX_CANDIDATES = 5;

export interface CompareRange {
  previousTag: string;
  /** Compare status of previous...head: `ahead` or `identical`. */
  status: string;
  /** Every commit of the range, each once. */
  commits: CompareCommit[];
}

/**
 * Steps 1 and 2: the previous release (unless given) and every commit of `previous...head`. The unpaginated first
 * compare request is both the ancestor check of a candidate and the newest ≤ 250 commits of the range.
 */
export async function readCompareRange(
  client: GatherClient,
  { tag, head, previousTag, tagPrefix }: { tag: string; head: string; previousTag?: string; tagPrefix?: string },
): Promise<CompareRange> {
  const { previousTag: base, first } = previousTag
    ? { previousTag, first: await readAncestor(client, previousTag, head, tag) }
    : await findPreviousRelease(client, { tag, head, tagPrefix });
  client.progress(`comparing ${base}...${head}: ${first.total_commits} commits`);
  return { previousTag: base, status: first.status, commits: await readOlderCommits(client, base, head, first) };
}

async function readAncestor(client: GatherClient, previousTag: string, head: string, tag: string): Promise<CompareResponse> {
  const first = await comparePage(client, previousTag, head);
  if (!isAncestorStatus(first.status)) {
    throw new GatherReleaseError('NOT_AN_ANCESTOR', `${previousTag} is not an ancestor of ${tag} (compare status "${first.status}").`);
  }
  return first;
}

/**
 * `GET /repos/{o}/{r}/releases?per_page=100`, then the published releases with the same tag prefix, newest first:
 * the first whose compare status with the head is `ahead` or `identical` is an ancestor and wins.
 */
async function findPreviousRelease(
  client: GatherClient,
  { tag, head, tagPrefix }: { tag: string; head: string; tagPrefix?: string },
): Promise<{ previousTag: string; first: CompareResponse }> {
  const { octokit, owner, repo } = client;
  const releases = await client.counted(async () => (await octokit.rest.repos.listReleases({ owner, repo, per_page: 100 })).data as ReleaseSummary[]);
  const candidates = findPreviousReleaseCandidates(releases, { currentTag: tag, tagPrefix });
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    const page = await comparePage(client, candidate, head);
    if (isAncestorStatus(page.status)) return { previousTag: candidate, first: page };
    client.progress(`${candidate} is not an ancestor of ${tag} (${page.status}); trying an older release`);
  }
  throw new GatherReleaseError('NO_PREVIOUS_RELEASE', `No published release before ${tag} is an ancestor of it; pass the previous tag explicitly.`);
}

/**
 * The older commits, in pages of 100. The first (unpaginated) answer holds the newest ≤ 250 commits, so only the
 * commits before those are paged. If the union misses commits (GitHub ordered the two forms differently), the
 * remaining pages are read too: correctness first, then request count.
 */
async function readOlderCommits(client: GatherClient, base: string, head: string, first: CompareResponse): Promise<CompareCommit[]> {
  const total = first.total_commits;
  const paged: CompareCommit[] = [];
  const union = () => [...new Map([...paged, ...first.commits].map((c) => [c.sha, c])).values()];
  const olderPages = Math.ceil(Math.max(0, total - first.commits.length) / COMPARE_PAGE_SIZE);
  for (let page = 1; page <= olderPages; page += 1) paged.push(...(await comparePage(client, base, head, page)).commits);
  let commits = union();
  for (let page = olderPages + 1; commits.length < total && page <= Math.ceil(total / COMPARE_PAGE_SIZE); page += 1) {
    paged.push(...(await comparePage(client, base, head, page)).commits);
    commits = union();
  }
  return commits;
}

/** `page` undefined: the unpaginated form, which answers the most recent (at most) 250 commits of the range. */
async function comparePage(client: GatherClient, base: string, head: string, page?: number): Promise<CompareResponse> {
  const { octokit, owner, repo } = client;
  return client.counted(async () => {
    // `{+basehead}` keeps the `/` of monorepo tags (`kustomize/v5.3.0`) as GitHub's own compare URLs do.
    const response = await octokit.request('GET /repos/{owner}/{repo}/compare/{+basehead}', {
      owner,
      repo,
      basehead: `${encodeRef(base)}...${encodeRef(head)}`,
      ...(page === undefined ? {} : { per_page: COMPARE_PAGE_SIZE, page }),
    });
    return response.data as CompareResponse;
  });
}

function isAncestorStatus(status: string): boolean {
  return status === 'ahead' || status === 'identical';
}

/** Percent-encodes a ref for the URL path but keeps `/`, which GitHub expects raw in compare paths. */
function encodeRef(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}
