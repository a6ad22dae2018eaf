import { isBot } from './is-bot';

/** What the ledger knows about one earlier issue or PR by the same author in the same repository. */
export interface EarlierContribution {
  number: number;
  kind: 'issue' | 'pr';
  merged: boolean;
}

export interface FirstTimerInput {
  login: string;
  /** `author_association` from the payload. */
  association: string;
  /** Which first this would be: a first issue, a first PR, or a first merged PR. */
  kind: 'issue' | 'pr' | 'merged-pr';
  /** Ledger entries by this author in this repository, other than the item at hand. */
  earlier: readonly EarlierContribution[];
  /** Extra bot logins from podbot.yml `bots:`. */
  bots: readonly string[];
}

/**
 * GitHub's own signal for newcomers. FIRST_TIMER: first contribution to GitHub at all; FIRST_TIME_CONTRIBUTOR:
 * first to this repository; NONE: no relationship (e.g. only issues so far).
 * https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
const NEWCOMER_ASSOCIATIONS = new Set(['FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR', 'NONE']);

/**
 * When a PR is merged, GitHub already reports its author as CONTRIBUTOR (the association is computed when the
 * payload is built), so for the merged case only the ledger can tell whether this is their first.
 */
const MERGED_ASSOCIATIONS = new Set([...NEWCOMER_ASSOCIATIONS, 'CONTRIBUTOR']);

/**
 * Whether an author gets a first-timer welcome. We ask our own ledger instead of GitHub search, which lags behind
 * the event (kubernetes/test-infra#3083), and never welcome org members, owners or collaborators
 * (kubernetes/test-infra#14979) or bots.
 *
 * "Earlier" counts contributions of the same kind: someone whose first PR follows their first issue still gets
 * the first-PR welcome, and a first merged PR is the first one the ledger has seen merged.
 */
export function isFirstTimeContributor(input: FirstTimerInput): boolean {
  if (isBot(input.login, input.bots)) return false;
  const association = input.association.toUpperCase();
  const allowed = input.kind === 'merged-pr' ? MERGED_ASSOCIATIONS : NEWCOMER_ASSOCIATIONS;
  if (!allowed.has(association)) return false;
  switch (input.kind) {
    case 'issue':
      return !input.earlier.some((entry) => entry.kind === 'issue');
    case 'pr':
      return !input.earlier.some((entry) => entry.kind === 'pr');
    case 'merged-pr':
      return !input.earlier.some((entry) => entry.kind === 'pr' && entry.merged);
  }
}
