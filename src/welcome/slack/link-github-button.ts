import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { linkGitHub, renderLinkOutcome } from '../../identity/link-github';
import { normalizeGitHubLogin } from '../../identity/core/parse-link-github-command';
import { renderLinkGitHubModal } from '../../identity/core/render-link-github-modal';
import {
  LINK_GITHUB_INPUT_ACTION,
  LINK_GITHUB_INPUT_BLOCK,
  LINK_GITHUB_VIEW,
  WELCOME_LINK_GITHUB_ACTION,
} from '../core/action-ids';

/**
 * "Link GitHub" in the welcome DM opens a modal asking for the login; submitting it runs the same link logic as
 * `/link-github`. The modal is opened before anything else: a trigger_id expires 3 seconds after the click.
 * https://api.slack.com/interactivity/handling#modal_responses
 */
export function registerWelcomeLinkGitHubAction(app: App, ctx: AppContext): void {
  app.action<BlockButtonAction>(WELCOME_LINK_GITHUB_ACTION, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: renderLinkGitHubModal() });
  });

  app.view(LINK_GITHUB_VIEW, async ({ ack, body, view }) => {
    const raw = view.state.values[LINK_GITHUB_INPUT_BLOCK]?.[LINK_GITHUB_INPUT_ACTION]?.value ?? '';
    const login = normalizeGitHubLogin(raw);
    if (!login) {
      // Errors shown under the field need the ack itself; this check is pure, so it is instant.
      return ack({ response_action: 'errors', errors: { [LINK_GITHUB_INPUT_BLOCK]: 'That is not a GitHub login: letters, digits and single hyphens, at most 39 characters.' } });
    }
    await ack();
    const outcome = await linkGitHub(ctx, body.user.id, login);
    ctx.log.info({ user: body.user.id, outcome: outcome.kind }, 'identity: linked from the welcome modal');
    // The modal is closed by now, so the result goes to the person's DM.
    await ctx.outbox.enqueue({
      key: `identity:link-result:${view.id}`,
      target: 'slack',
      method: 'chat.postMessage',
      payload: { channel: body.user.id, text: renderLinkOutcome(outcome) },
    });
  });
}
