import type { Feature } from '../context';
import { registerLedgerRecord } from './github/record-contribution';

/** Ledger: every issue and pull request delivery is recorded, and with it the level of a linked contributor. */
export const registerLedger: Feature = (ctx, { webhooks }) => {
  if (webhooks) registerLedgerRecord(webhooks, ctx);
};
