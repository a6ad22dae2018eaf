import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { readContribution } from '../../ledger';
import { mentionPodsOn } from '../../pods';
import { welcomeFirstTimer } from '../welcome-first-timer';

/**
 * The first comment on an opened issue or PR is welcome's, and there is one. A first issue or first PR gets the
 * welcome comment, which also mentions the matching pods (see welcomeFirstTimer), the new-contributor label and a
 * hand-off to the pod; anyone else's (or any, with GitHub welcomes off) gets pods' own mention comment.
 */
export function registerWelcomeFirstContribution(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('issues.opened', async ({ id, payload }) => {
    const outcome = await welcomeFirstTimer(ctx, readContribution('issues', payload as unknown as Record<string, unknown>), 'first-issue');
    if (outcome !== 'welcomed') {
      const result = await mentionPodsOn(ctx, 'issue', payload);
      ctx.log.debug({ delivery: id, outcome, result }, 'welcome: not welcomed; issue checked for pod mentions');
    }
  });
  webhooks.on('pull_request.opened', async ({ id, payload }) => {
    const outcome = await welcomeFirstTimer(ctx, readContribution('pull_request', payload as unknown as Record<string, unknown>), 'first-pr', payload);
    if (outcome !== 'welcomed') {
      const result = await mentionPodsOn(ctx, 'pr', payload);
      ctx.log.debug({ delivery: id, outcome, result }, 'welcome: not welcomed; pull request checked for pod mentions');
    }
  });
}
