import type { Octokit } from '@octokit/rest';

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

/** What every gather step talks to GitHub through: one repository, every request counted. */
export interface GatherClient {
  octokit: Octokit;
  owner: string;
  repo: string;
  progress: (message: string) => void;
  /** Runs one API request and counts it. */
  counted: <T>(call: () => Promise<T>) => Promise<T>;
  /** A counted GraphQL request; aliases GitHub answers NOT_FOUND come back as missing (see graphqlAllowingNotFound). */
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T | null>;
  /** API requests made so far. */
  requests: () => number;
}

export function createGatherClient(octokit: Octokit, owner: string, repo: string, progress: (message: string) => void): GatherClient {
  let requests = 0;
  const counted = async <T>(call: () => Promise<T>): Promise<T> => {
    requests += 1;
    return call();
  };
  return {
    octokit,
    owner,
    repo,
    progress,
    counted,
    graphql: (query, variables) => counted(() => graphqlAllowingNotFound(octokit, query, variables)),
    requests: () => requests,
  };
}

/**
 * A `pullRequest(number:)` alias for a number that is an issue, or a PR of another repository's history,
 * makes GitHub answer NOT_FOUND for that alias next to the data of all others. Octokit throws on any error;
 * keep the partial data when every error is NOT_FOUND, and fail loudly otherwise.
 */
async function graphqlAllowingNotFound<T>(octokit: Octokit, query: string, variables: Record<string, unknown>): Promise<T | null> {
  try {
    return await octokit.graphql<T>(query, variables);
  } catch (error) {
    const e = error as { name?: string; data?: T; errors?: { type?: string; message?: string }[] };
    if (e.name === 'GraphqlResponseError' && e.data && e.errors?.every((x) => x.type === 'NOT_FOUND')) return e.data;
    if (e.name === 'GraphqlResponseError') {
      throw new GatherReleaseError('GRAPHQL_ERROR', `GitHub GraphQL error: ${(e.errors ?? []).map((x) => x.message).join('; ')}`);
    }
    throw error;
  }
}
