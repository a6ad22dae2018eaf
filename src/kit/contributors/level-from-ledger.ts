import { associationRank } from './association-rank';
import type { Level } from './level';

/**
 * GitHub's `author_association` on an issue or PR.
 * https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
export type AuthorAssociation =
  | 'OWNER'
  | 'MEMBER'
  | 'COLLABORATOR'
  | 'CONTRIBUTOR'
  | 'FIRST_TIME_CONTRIBUTOR'
  | 'FIRST_TIMER'
  | 'MANNEQUIN'
  | 'NONE';

export interface LedgerSummary {
  /** Merged pull requests by this login in the ledger. */
  mergedPrs: number;
  /** Issues opened by this login in the ledger. */
  openedIssues: number;
  /** The strongest association GitHub reported for this login (OWNER beats CONTRIBUTOR). */
  association: AuthorAssociation | string;
}

/**
 * Thresholds, chosen so "regular" means someone who has come back several times:
 * - maintainer: GitHub says they belong to the org or have write access (OWNER, MEMBER, COLLABORATOR);
 * - regular: 5 or more merged PRs, or 10 or more opened issues (steady reporters and triagers
 *   know the project even without code);
 * - newcomer: everyone else, including anyone with a few merged PRs.
 */
export const LEVEL_THRESHOLDS = { regularMergedPrs: 5, regularOpenedIssues: 10 } as const;

const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export function levelFromLedger(summary: LedgerSummary): Level {
  if (MAINTAINER_ASSOCIATIONS.has(summary.association.toUpperCase())) return 'maintainer';
  if (summary.mergedPrs >= LEVEL_THRESHOLDS.regularMergedPrs) return 'regular';
  if (summary.openedIssues >= LEVEL_THRESHOLDS.regularOpenedIssues) return 'regular';
  return 'newcomer';
}

/** One row of a login's ledger, or a group of `count` identical rows (as a grouped query returns them). */
export interface LedgerRow {
  kind: string;
  merged: boolean;
  association: string;
  count?: number;
}

/**
 * Folds one login's ledger into what levelFromLedger needs: merged PRs, opened issues and the strongest
 * association seen (upper case). The one place this is computed, for the ledger's stored level and the pods' live one.
 */
export function summarizeLedger(rows: readonly LedgerRow[]): LedgerSummary {
  const summary = { mergedPrs: 0, openedIssues: 0, association: 'NONE' };
  for (const row of rows) {
    const count = row.count ?? 1;
    if (row.kind === 'pr' && row.merged) summary.mergedPrs += count;
    if (row.kind === 'issue') summary.openedIssues += count;
    if (associationRank(row.association) < associationRank(summary.association)) summary.association = row.association.toUpperCase();
  }
  return summary;
}
