import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { recordContributions, refreshLinkedLevel } from '../ledger-store';
import { readContribution } from '../core/read-contribution';

/**
 * Every `issues.*` and `pull_request.*` delivery updates the contribution ledger (author, association, merged
 * state), and with it the level of a linked contributor.
 */
export function registerLedgerRecord(webhooks: Webhooks, ctx: AppContext): void {
  for (const event of ['issues', 'pull_request'] as const) {
    webhooks.on(event, async ({ payload }) => {
      const item = readContribution(event, payload as unknown as Record<string, unknown>);
      await recordContributions(ctx.db, [item]);
      await refreshLinkedLevel(ctx.db, item.authorLogin);
    });
  }
}
