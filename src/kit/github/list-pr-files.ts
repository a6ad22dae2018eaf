import type { GitHubClient } from '../../clients/github';

/**
 * GitHub lists at most 3,000 files of a pull request: "Responses include a maximum of 3000 files. The paginated
 * response returns 30 files per page by default."
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files
 */
export const PR_FILES_CAP = 3000;

export interface PullRequestRef {
  owner: string;
  repo: string;
  pull_number: number;
}

export interface PrFiles {
  /** Changed paths, in GitHub's order; at most PR_FILES_CAP of them. */
  filenames: string[];
  /**
   * True when the cap was reached: the PR may change more files than GitHub lists, and those are unknown to us
   * (a pod whose globs match only files past the 3,000th is not found). The first 3,000 are still returned, so
   * callers match on what GitHub shows rather than failing.
   */
  truncated: boolean;
}

/**
 * Per-delivery memo. @octokit/webhooks hands the same payload object to every listener of one delivery, so keying
 * on it shares one listing between the listeners of that delivery (pod mentions and the first-timer welcome both
 * want the files of an opened PR), and the entry is garbage-collected with the delivery. A later delivery (a push:
 * `synchronize`) is a new object and lists afresh, so nothing is ever stale and there is no clock, size or
 * invalidation to manage. The key also names the PR, in case a listener asks about another one.
 */
const perDelivery = new WeakMap<object, Map<string, Promise<PrFiles>>>();

/**
 * The changed files of a pull request, paging `pulls.listFiles` 100 at a time (at most 30 requests).
 * With `delivery` (the webhook payload being handled), listeners of the same delivery share one listing;
 * a failed listing is shared too, so the delivery fails and GitHub can redeliver it.
 */
export function listPrFiles(github: GitHubClient, pr: PullRequestRef, options: { delivery?: object } = {}): Promise<PrFiles> {
  if (!options.delivery) return fetchPrFiles(github, pr);
  const key = `${pr.owner}/${pr.repo}#${pr.pull_number}`.toLowerCase();
  let memo = perDelivery.get(options.delivery);
  if (!memo) perDelivery.set(options.delivery, (memo = new Map()));
  let files = memo.get(key);
  if (!files) memo.set(key, (files = fetchPrFiles(github, pr)));
  return files;
}

async function fetchPrFiles(github: GitHubClient, pr: PullRequestRef): Promise<PrFiles> {
  const filenames: string[] = [];
  for await (const page of github.paginate.iterator(github.rest.pulls.listFiles, { ...pr, per_page: 100 })) {
    filenames.push(...page.data.map((file) => file.filename));
    if (filenames.length >= PR_FILES_CAP) return { filenames: filenames.slice(0, PR_FILES_CAP), truncated: true };
  }
  return { filenames, truncated: false };
}
