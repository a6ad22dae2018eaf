import { authorLogin, type GqlAuthor } from '../core/gather/github-shapes';
import type { GatherClient } from './gather-client';

/** Step 6: one GraphQL query for the authors of cherry-picked original PRs outside the release; PR number → login. */
export async function lookUpCherryPickAuthors(client: GatherClient, originals: readonly number[]): Promise<Map<number, string>> {
  const authors = new Map<number, string>();
  if (originals.length === 0) return authors;
  const query = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
${originals.map((n) => `    o${n}: pullRequest(number: ${n}) { author { __typename login } }`).join('\n')}
  }
}`;
  const data = await client.graphql<{ repository: Record<string, { author: GqlAuthor } | null> }>(query, { owner: client.owner, name: client.repo });
  for (const n of originals) {
    const login = authorLogin(data?.repository?.[`o${n}`]?.author ?? null);
    if (login) authors.set(n, login);
  }
  return authors;
}
