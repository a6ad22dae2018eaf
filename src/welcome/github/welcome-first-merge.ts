import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { readContribution } from '../../ledger';
import { welcomeFirstTimer } from '../welcome-first-timer';

/** A first merged PR gets a congratulation with an invitation to Slack and to a Pod. Closed without merge: nothing. */
export function registerWelcomeFirstMerge(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('pull_request.closed', async ({ payload }) => {
    const item = readContribution('pull_request', payload as unknown as Record<string, unknown>);
    if (!item.merged) return;
    await welcomeFirstTimer(ctx, item, 'first-merged-pr');
  });
}
