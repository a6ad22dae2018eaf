// GitHub response shapes the gatherer reads (only the fields it reads). Plain data: the gather steps fetch them,
// the pure selection in core/ turns them into GatheredPr.

/** One commit of `GET /repos/{o}/{r}/compare/{base}...{head}`. */
export interface CompareCommit {
  sha: string;
  parents: { sha: string }[];
  commit: { message: string; author: { name?: string; email?: string } | null };
  author: { login: string } | null;
}

export interface CompareResponse {
  status: string;
  total_commits: number;
  commits: CompareCommit[];
}

/** A pull request as the `PrFields` GraphQL fragment returns it. */
export interface GqlPr {
  number: number;
  title: string;
  url: string;
  body: string | null;
  merged: boolean;
  mergedAt: string | null;
  mergeCommit: { oid: string } | null;
  author: GqlAuthor;
  labels: { nodes: { name: string }[] } | null;
  files: { nodes: { path: string }[] } | null;
  commits: {
    nodes: {
      commit: { oid: string; message: string; author: { email: string | null; name: string | null; user: { login: string } | null } | null };
    }[];
  };
}

export type GqlAuthor = { __typename: string; login: string } | null;

/** One alias of a look-up query: a `pullRequest`, or an `object(oid:)`; one that is not a commit comes back as `{}`. */
export type GqlLookup = GqlPr | { associatedPullRequests: { nodes: GqlPr[] } } | { [key: string]: never } | null;

/** GraphQL returns `Bot` authors without the `[bot]` suffix REST and the UI use; put it back. */
export function authorLogin(author: GqlAuthor): string | null {
  if (!author) return null;
  return author.__typename === 'Bot' ? `${author.login}[bot]` : author.login;
}

/** What the batched look-ups found: PRs by the number a commit named, and the PR associated with a leftover commit. */
export interface PrLookups {
  byNumber: Map<number, GqlPr>;
  byCommit: Map<string, GqlPr>;
}
