// Domain types for release-note contributor credit.
// Everything here is plain data: the gatherer fills it from GitHub, the pure core decides and renders.

/** One commit as the compare API returns it, reduced to what PR discovery needs. */
export interface RangeCommit {
  sha: string;
  /** Parent SHAs in order: parents[0] is the first parent. */
  parents: string[];
  /** Full commit message (subject + body). */
  message: string;
}

/** A commit that belongs to a pull request, with what co-author mapping needs. */
export interface PrCommit {
  sha: string;
  message: string;
  authorName: string | null;
  authorEmail: string | null;
  /** The GitHub user GitHub matched to the author e-mail, when it did. */
  authorLogin: string | null;
}

/** A merged pull request as gathered for one release. */
export interface GatheredPr {
  number: number;
  title: string;
  url: string;
  /** PR author login as GitHub shows it, bots with their `[bot]` suffix. Null for deleted accounts ("ghost"). */
  authorLogin: string | null;
  body: string;
  labels: string[];
  /** Changed file paths (repository-relative). */
  files: string[];
  mergedAt: string | null;
  commits: PrCommit[];
}

/** A Pod as far as release credit cares. */
export interface PodDefinition {
  /** Slug, e.g. `docs`. */
  name: string;
  displayName: string;
  /** GitHub labels that belong to the pod (compared case-insensitively, as GitHub does). */
  labels: string[];
  /** picomatch globs over changed file paths. */
  paths: string[];
  advocates: { slackId: string; githubLogin?: string | null }[];
}

/** Someone credited: a GitHub login, or only a name from a `Co-authored-by:` trailer we could not map. */
export interface Contributor {
  /** Login (without `@`) when known, otherwise the name as written in the trailer. */
  handle: string;
  isLogin: boolean;
  /** Slack user id when the login is linked to a Slack account. */
  slackId: string | null;
}

export interface CreditedPr {
  number: number;
  title: string;
  url: string;
  /** Null when the author is unknown (deleted account) — the PR is still listed. */
  authorLogin: string | null;
}

export interface CreditSection {
  pullRequests: CreditedPr[];
  contributors: Contributor[];
}

export interface PodCredit extends CreditSection {
  name: string;
  displayName: string;
  advocates: { slackId: string; githubLogin: string | null }[];
}

export interface NewContributor {
  login: string;
  slackId: string | null;
  prNumber: number;
  prUrl: string;
}

export interface ReleaseRef {
  owner: string;
  repo: string;
  tag: string;
  /** Null for a first release: there is nothing to compare with. */
  previousTag: string | null;
}

/** Everything the markdown block and the Slack announcement are rendered from. */
export interface Credits {
  release: ReleaseRef;
  /** Every human credited in the release, de-duplicated and sorted case-insensitively. */
  contributors: Contributor[];
  /** Only pods with at least one matching PR, in configuration order. */
  pods: PodCredit[];
  /** PRs that match no pod. */
  everyoneElse: CreditSection;
  /** Ordered by PR number. */
  newContributors: NewContributor[];
  /** How many PRs the release contains (bot PRs included). */
  pullRequestCount: number;
}
