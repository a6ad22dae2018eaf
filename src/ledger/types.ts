/** One issue or PR as the ledger stores it, whether it came from a webhook or the backfill. */
export interface Contribution {
  /** `owner/name`. */
  repo: string;
  number: number;
  kind: 'issue' | 'pr';
  authorLogin: string;
  /** GitHub's author_association at the time we saw it. */
  association: string;
  openedAt: Date;
  merged: boolean;
  mergedAt?: Date;
  /** When it was closed, merged or not; undefined while it is open (and once reopened). */
  closedAt?: Date;
}
