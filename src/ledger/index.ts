// The ledger's public API: other capabilities import the ledger only from here.
export { registerLedger } from './register';
export { backfillRepo, type BackfillOptions, type BackfillResult } from './backfill';
export { readContribution, type SeenContribution } from './core/read-contribution';
export { findEarlierContributions, levelForLogin, listLedgerRepositories } from './ledger-store';
export type { Contribution } from './types';
export { findFirstResponses, responseKey, type FirstResponse, type ItemRef } from './response-store';
