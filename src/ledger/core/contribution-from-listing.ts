import type { Contribution } from '../types';
import { closedAtOf } from './read-contribution';

/** An item of `GET /repos/{o}/{r}/issues` or `GET /repos/{o}/{r}/pulls`, as far as the ledger cares. */
export interface ListingItem {
  number: number;
  user: { login: string } | null;
  author_association?: string;
  created_at: string;
  merged_at?: string | null;
  state?: string;
  closed_at?: string | null;
  updated_at?: string;
  /** Present on issue-list items that are pull requests; newer API versions include merged_at in it. */
  pull_request?: { merged_at?: string | null } | null;
}

/**
 * The issues listing includes pull requests (they carry `pull_request`), so one listing covers both kinds.
 * https://docs.github.com/en/rest/issues/issues#list-repository-issues
 * Items whose author was deleted have no user; they are skipped (undefined).
 */
export function contributionFromListing(repo: string, item: ListingItem, listing: 'issues' | 'pulls'): Contribution | undefined {
  if (!item.user?.login) return undefined;
  const isPr = listing === 'pulls' || Boolean(item.pull_request);
  const mergedAtText = listing === 'pulls' ? item.merged_at : item.pull_request?.merged_at;
  const mergedAt = mergedAtText ? new Date(mergedAtText) : undefined;
  return {
    repo,
    number: item.number,
    kind: isPr ? 'pr' : 'issue',
    authorLogin: item.user.login,
    association: item.author_association ?? 'NONE',
    openedAt: new Date(item.created_at),
    merged: mergedAt !== undefined,
    mergedAt,
    closedAt: closedAtOf(item.state, item.closed_at, item.updated_at, new Date(item.created_at)),
  };
}
