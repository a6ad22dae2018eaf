import type { Feature } from '../context';
import { registerLedgerRecord } from './github/record-contribution';
import { registerLedgerResponses } from './github/record-response';

/**
 * Ledger: every issue and pull request delivery is recorded, and with it the level of a linked contributor; so is
 * every comment, review and review comment (who responded, when).
 */
export const registerLedger: Feature = (ctx, { webhooks }) => {
  if (webhooks) {
    registerLedgerRecord(webhooks, ctx);
    registerLedgerResponses(webhooks, ctx);
  }
};
