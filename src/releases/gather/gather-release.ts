/*
 * Gathers what a release's credits are computed from. The modules of gather/ are the only ones here that read
 * GitHub (each step is one module); every decision is made by the pure functions of core/gather/.
 *
 * Method (requests are made one after another, as GitHub asks: "make requests for a single user or client ID
 * serially", https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests):
 *
 *  1. Previous release (read-compare-range.ts) — skipped when the caller passes `previousTag`.
 *     `GET /repos/{o}/{r}/releases?per_page=100` (1 request), then `findPreviousReleaseCandidates` orders the
 *     published releases with the same tag prefix, newest first. The first candidate whose compare status with
 *     the tag is `ahead` or `identical` is an ancestor and wins. That check IS the first page of step 2, so the
 *     winner costs nothing extra; each rejected candidate costs one request (at most MAX_CANDIDATES are tried).
 *  2. Commits: (read-compare-range.ts) `GET /repos/{o}/{r}/compare/{prev}...{tag}`. Unpaginated, the compare API answers the MOST RECENT
 *     250 commits ("the last commit in the list is the most recent of the entire comparison") plus `status` and
 *     `total_commits`; paginated (`per_page`, max 100), it lists from the oldest
 *     (https://docs.github.com/en/rest/commits/commits#compare-two-commits). So the first request is unpaginated
 *     (a range of ≤ 250 commits costs one request), and only the older commits are paged.
 *  3. PR numbers come from the commit subjects (core) (`findPrNumbers`): merge commits and squash subjects. First-parent
 *     commits that name no PR (rebase merges) are "leftover" SHAs.
 *  4. (look-up-prs.ts, then core select-merged-prs.ts) One GraphQL query per LOOKUPS_PER_QUERY (500) lookups, each an alias in the same query: `pr<N>: pullRequest`
 *     for every number, and `c_<sha>: object(oid)` → `associatedPullRequests` for every leftover SHA, both
 *     returning the full PR fields (title, body, author, labels, files, commits with messages and authors).
 *     So a rebase-merged PR needs no second round trip. Only merged PRs count; a merge subject's number counts
 *     only when GitHub says that very commit merged it (fork-internal numbers belong to other repositories).
 *     Node budget per PR: labels 50 + files 100 + commits 100 = 250, × 500 lookups = 125,000 nodes, well under
 *     GraphQL's 500,000 (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#node-limit).
 *     GitHub also stops queries that run longer than 10 seconds (same page, "Timeouts"): a batch GitHub answers
 *     with a 5xx even after the client's retries is split in half and asked again, down to 50 lookups.
 *  5. First-time contributors (search-first-timers.ts): the ledger answers first (`findFirstTimers`). For authors it does not know, ONE
 *     batched GraphQL query of `search(query: "repo:o/r is:pr is:merged author:LOGIN merged:<T")` aliases,
 *     where T is the merge time of the author's earliest PR in this release: `issueCount == 0` means nothing was
 *     merged before, so that PR is their first. (250 authors per query: each alias is one `first: 1` search.)
 *  6. (look-up-cherry-pick-authors.ts) Cherry-picks whose original PR is outside the release: one GraphQL query for those PRs' authors.
 *
 * Request count:
 *   requests = R + 1 + ceil(max(0, C - 250) / 100) + X + ceil((N + L) / 500) + ceil(U / 250) + K
 *   R = 1 without `previousTag`, else 0;  C = commits in the range;  X = rejected previous-release candidates;
 *   N = PR numbers named by commits;  L = leftover first-parent SHAs;  U = authors the ledger does not know;
 *   K = 1 when a cherry-pick's original PR is outside the release, else 0.
 * A 1,000-PR release over 1,470 commits (bench/release-notes.ts: squash, merge commits with branch commits,
 * rebase merges, bots), ledger cold for 290 authors: 1 + 1 + 13 + 0 + 3 + 2 + 0 = 20 requests
 * (release-drafter needs ~75 for the same release); the whole release.published delivery adds the body's read and
 * update: 22 (test/releases/release-request-count.test.ts). Merge-commit-heavy histories have more commits per PR;
 * the compare pages, ceil((C - 250) / 100), are then the floor.
 *
 * Known limits: a PR's first 100 commits and 100 files are read (co-authors on later commits and pod paths of
 * later files are missed; GitHub's own squash commit, which repeats the trailers, is always read from the range).
 */
import type { Octokit } from '@octokit/rest';
import { findOriginalsOutside } from '../core/gather/find-cherry-pick-origin';
import { findFirstTimers, type UnknownAuthor } from '../core/gather/find-first-timers';
import { findPrNumbers } from '../core/gather/find-pr-numbers';
import { readRangeCommits } from '../core/gather/read-range-commits';
import { selectMergedPrs } from '../core/gather/select-merged-prs';
import type { GatheredPr, ReleaseRef } from '../types';
import { createGatherClient } from './gather-client';
import { lookUpCherryPickAuthors } from './look-up-cherry-pick-authors';
import { lookUpPrs } from './look-up-prs';
import { readCompareRange } from './read-compare-range';
import { searchFirstTimers } from './search-first-timers';

export { GatherReleaseError } from './gather-client';

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

export async function gatherRelease(octokit: Octokit, options: GatherOptions): Promise<GatheredRelease> {
  const { owner, repo, tag } = options;
  const progress = options.onProgress ?? (() => {});
  const client = createGatherClient(octokit, owner, repo, progress);
  const bots = options.bots ?? [];

  // 1–2. The previous release and every commit of the range.
  const range = await readCompareRange(client, { tag, head: options.headRef ?? tag, previousTag: options.previousTag, tagPrefix: options.tagPrefix });
  const { commits: rangeCommits, knownEmails } = readRangeCommits(range.commits);

  // 3. PR numbers from subjects; leftover first-parent SHAs.
  const found = findPrNumbers(rangeCommits);
  progress(`${found.numbers.length} PRs named by commits, ${found.leftoverShas.length} commits to associate`);

  // 4. Batched GraphQL look-ups, then the merged PRs among them.
  const prs = selectMergedPrs(found, await lookUpPrs(client, found, options.lookupsPerQuery), range.commits);
  progress(`${prs.length} merged PRs in the release`);

  // 5. First-timers: the ledger first, then one batched search for the authors it does not know.
  const ledgerFirstPrs = new Map(options.ledgerFirstPrs ?? []);
  if (options.askLedger) {
    const authors = findFirstTimers(prs, ledgerFirstPrs, bots).unknown;
    if (authors.length > 0) for (const [login, pr] of await options.askLedger(authors)) ledgerFirstPrs.set(login, pr);
  }
  const { firstTimers, unknown } = findFirstTimers(prs, ledgerFirstPrs, bots);
  progress(`${unknown.length} authors left for the batched GitHub search`);
  for (const [login, pr] of await searchFirstTimers(client, unknown)) firstTimers.set(login, pr);
  progress(`${firstTimers.size} first-time contributors`);

  // 6. Authors of cherry-picked originals outside the release.
  const cherryPickAuthors = await lookUpCherryPickAuthors(client, findOriginalsOutside(prs));

  return {
    release: { owner, repo, tag, previousTag: range.previousTag },
    compareStatus: range.status,
    commitCount: rangeCommits.length,
    prs,
    firstTimers,
    cherryPickAuthors,
    knownEmails,
    requests: client.requests(),
  };
}
