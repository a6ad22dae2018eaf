import type { App, BlockButtonAction } from '@slack/bolt';
import { renderLinkGitHubModal } from '../../identity';
import { WELCOME_LINK_GITHUB_ACTION } from '../core/action-ids';

/**
 * "Link GitHub" in the welcome DM opens identity's modal asking for the login (identity handles the submission).
 * The modal is opened before anything else: a trigger_id expires 3 seconds after the click, so this does not go
 * through the reply queue the way other buttons do.
 * https://api.slack.com/interactivity/handling#modal_responses
 */
export function registerWelcomeLinkGitHubAction(app: App): void {
  app.action<BlockButtonAction>(WELCOME_LINK_GITHUB_ACTION, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: renderLinkGitHubModal() });
  });
}
