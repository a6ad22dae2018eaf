import type { PrNumbersFound } from '../core/gather/find-pr-numbers';
import type { GqlLookup, GqlPr, PrLookups } from '../core/gather/github-shapes';
import type { GatherClient } from './gather-client';

export const LOOKUPS_PER_QUERY = 500;
export const MIN_LOOKUPS_PER_QUERY = 50;

const PR_FIELDS = `fragment PrFields on PullRequest {
  number title url body merged mergedAt
  mergeCommit { oid }
  author { __typename login }
  labels(first: 50) { nodes { name } }
  files(first: 100) { nodes { path } }
  commits(first: 100) { nodes { commit { oid message author { email name user { login } } } } }
}`;

interface Lookup {
  alias: string;
  field: string;
}

/**
 * Step 4: one GraphQL query per `lookupsPerQuery` look-ups, each an alias: `pr<N>: pullRequest` for every number
 * and `c_<sha>: object(oid)` → `associatedPullRequests` for every leftover SHA, both with the full PR fields.
 * A batch GitHub answers with a 5xx even after the client's retries (its 10-second query timeout) is split in
 * half and asked again, down to MIN_LOOKUPS_PER_QUERY look-ups.
 */
export async function lookUpPrs(
  client: GatherClient,
  found: Pick<PrNumbersFound, 'numbers' | 'leftoverShas'>,
  lookupsPerQuery = LOOKUPS_PER_QUERY,
): Promise<PrLookups> {
  const lookups: Lookup[] = [
    ...found.numbers.map((n) => ({ alias: `pr${n}`, field: `pullRequest(number: ${n}) { ...PrFields }` })),
    ...found.leftoverShas.map((sha) => ({
      alias: `c_${sha}`,
      field: `object(oid: "${sha}") { ... on Commit { associatedPullRequests(first: 1) { nodes { ...PrFields } } } }`,
    })),
  ];
  const results = new Map<string, GqlLookup>();
  let done = 0;
  const lookUp = async (batch: Lookup[]): Promise<void> => {
    let data: { repository: Record<string, GqlLookup> } | null;
    try {
      data = await client.graphql<{ repository: Record<string, GqlLookup> }>(lookupQuery(batch), { owner: client.owner, name: client.repo });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      if (status < 500 || batch.length < 2 * MIN_LOOKUPS_PER_QUERY) throw error;
      client.progress(`GitHub answered ${status} for ${batch.length} lookups; asking in two halves`);
      const half = Math.ceil(batch.length / 2);
      await lookUp(batch.slice(0, half));
      await lookUp(batch.slice(half));
      return;
    }
    for (const [alias, value] of Object.entries(data?.repository ?? {})) results.set(alias, value);
    done += batch.length;
    client.progress(`looked up ${done} of ${lookups.length}`);
  };
  for (let i = 0; i < lookups.length; i += lookupsPerQuery) await lookUp(lookups.slice(i, i + lookupsPerQuery));

  const byNumber = new Map<number, GqlPr>();
  for (const n of found.numbers) {
    const value = results.get(`pr${n}`);
    if (value && 'number' in value) byNumber.set(n, value as GqlPr);
  }
  const byCommit = new Map<string, GqlPr>();
  for (const sha of found.leftoverShas) {
    const value = results.get(`c_${sha}`);
    const pr = value && 'associatedPullRequests' in value ? value.associatedPullRequests.nodes[0] : undefined;
    if (pr) byCommit.set(sha, pr);
  }
  return { byNumber, byCommit };
}

function lookupQuery(batch: readonly Lookup[]): string {
  return `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
${batch.map((l) => `    ${l.alias}: ${l.field}`).join('\n')}
  }
}
${PR_FIELDS}`;
}
