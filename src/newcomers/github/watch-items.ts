import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { readContribution } from '../../ledger';
import { endWatchOnClose, watchOpenedItem } from '../watch-flow';

function authorIsBot(item: unknown): boolean {
  return (item as { user?: { type?: unknown } } | undefined)?.user?.type === 'Bot';
}

/** Opened issues and PRs start a first-response watch (see watchOpenedItem); closing one ends it. */
export function registerWatchItems(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('issues.opened', async ({ id, payload }) => {
    const outcome = await watchOpenedItem(ctx, readContribution('issues', payload as unknown as Record<string, unknown>), payload, authorIsBot(payload.issue));
    ctx.log.debug({ delivery: id, outcome }, 'newcomers: issue opened');
  });
  webhooks.on('pull_request.opened', async ({ id, payload }) => {
    const outcome = await watchOpenedItem(ctx, readContribution('pull_request', payload as unknown as Record<string, unknown>), payload, authorIsBot(payload.pull_request));
    ctx.log.debug({ delivery: id, outcome }, 'newcomers: pull request opened');
  });
  webhooks.on('issues.closed', async ({ payload }) => {
    await endWatchOnClose(ctx, readContribution('issues', payload as unknown as Record<string, unknown>));
  });
  webhooks.on('pull_request.closed', async ({ payload }) => {
    await endWatchOnClose(ctx, readContribution('pull_request', payload as unknown as Record<string, unknown>));
  });
}
