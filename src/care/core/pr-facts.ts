/** What routing needs to know about a pull request from its webhook payload. */
export interface PullRequestFacts {
  /** Reviewers or teams are already requested. */
  hasRequestedReviewers: boolean;
  /** The author asked for someone with `/cc @login` in the description. */
  authorCc: boolean;
  open: boolean;
}

interface PullRequestPayload {
  pull_request?: {
    state?: string;
    body?: string | null;
    requested_reviewers?: unknown[] | null;
    requested_teams?: unknown[] | null;
  };
}

/** `/cc @someone` on a line of its own or inline, as reviewers write it (Prow's convention). */
const AUTHOR_CC = /(^|\s)\/cc(\s+@[A-Za-z0-9-]+)+/im;

/** Reads a `pull_request.*` payload; undefined when it is not one. */
export function readPullRequestFacts(payload: object): PullRequestFacts | undefined {
  const pr = (payload as PullRequestPayload).pull_request;
  if (!pr || typeof pr !== 'object') return undefined;
  return {
    hasRequestedReviewers: (pr.requested_reviewers?.length ?? 0) > 0 || (pr.requested_teams?.length ?? 0) > 0,
    authorCc: AUTHOR_CC.test(pr.body ?? ''),
    open: (pr.state ?? 'open') === 'open',
  };
}
