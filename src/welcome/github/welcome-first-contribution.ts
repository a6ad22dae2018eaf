import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { readContribution } from '../../ledger';
import { welcomeFirstTimer } from '../welcome-first-timer';

/** A first issue or first PR gets a welcome comment, the new-contributor label, and a hand-off to the pod. */
export function registerWelcomeFirstContribution(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('issues.opened', async ({ payload }) => {
    await welcomeFirstTimer(ctx, readContribution('issues', payload as unknown as Record<string, unknown>), 'first-issue');
  });
  webhooks.on('pull_request.opened', async ({ payload }) => {
    await welcomeFirstTimer(ctx, readContribution('pull_request', payload as unknown as Record<string, unknown>), 'first-pr', payload);
  });
}
