import type { UnknownAuthor } from '../core/gather/find-first-timers';
import type { GatherClient } from './gather-client';

export const AUTHORS_PER_SEARCH_QUERY = 250;

/**
 * Step 5 (the part the ledger could not answer): one batched GraphQL query of
 * `search(query: "repo:o/r is:pr is:merged author:LOGIN merged:<T")` aliases per AUTHORS_PER_SEARCH_QUERY authors,
 * where T is the merge time of the author's earliest PR in this release: `issueCount == 0` means nothing was
 * merged before, so that PR is their first. Answers login → first PR for the first-timers found.
 */
export async function searchFirstTimers(client: GatherClient, unknown: readonly UnknownAuthor[]): Promise<Map<string, number>> {
  const firstTimers = new Map<string, number>();
  // A login GitHub could not have issued would make the search query mean something else.
  const searchable = unknown.filter((u) => u.earliestMergedAt && /^[A-Za-z0-9-]+$/.test(u.login));
  for (let i = 0; i < searchable.length; i += AUTHORS_PER_SEARCH_QUERY) {
    const batch = searchable.slice(i, i + AUTHORS_PER_SEARCH_QUERY);
    const data = await client.graphql<Record<string, { issueCount: number } | null>>(searchQuery(client, batch), {});
    batch.forEach((u, j) => {
      if (data?.[`u${j}`]?.issueCount === 0) firstTimers.set(u.login, u.earliestPrNumber);
    });
  }
  return firstTimers;
}

function searchQuery(client: GatherClient, batch: readonly UnknownAuthor[]): string {
  const aliases = batch.map((u, j) => {
    const before = u.earliestMergedAt!.replace(/Z$/, '+00:00');
    const q = `repo:${client.owner}/${client.repo} is:pr is:merged author:${u.login} merged:<${before}`;
    return `  u${j}: search(query: ${JSON.stringify(q)}, type: ISSUE, first: 1) { issueCount }`;
  });
  return `query {\n${aliases.join('\n')}\n}`;
}
