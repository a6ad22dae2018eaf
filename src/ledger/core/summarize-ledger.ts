import type { LedgerSummary } from '../../kit/contributors/level-from-ledger';

/** Strongest first: a login that was ever an OWNER counts as one. */
const ASSOCIATION_RANK = ['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE'];

function rank(association: string): number {
  const index = ASSOCIATION_RANK.indexOf(association.toUpperCase());
  return index === -1 ? ASSOCIATION_RANK.length : index;
}

/** Folds one login's ledger entries into what levelFromLedger needs. */
export function summarizeLedger(entries: readonly { kind: string; merged: boolean; association: string }[]): LedgerSummary {
  let association = 'NONE';
  for (const entry of entries) if (rank(entry.association) < rank(association)) association = entry.association.toUpperCase();
  return {
    mergedPrs: entries.filter((entry) => entry.kind === 'pr' && entry.merged).length,
    openedIssues: entries.filter((entry) => entry.kind === 'issue').length,
    association,
  };
}
