import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { linkGitHub, renderLinkOutcome } from '../link-github';
import { LINK_GITHUB_INPUT_ACTION, LINK_GITHUB_INPUT_BLOCK, LINK_GITHUB_VIEW } from '../core/action-ids';
import { normalizeGitHubLogin } from '../core/parse-link-github-command';

/**
 * Submitting the "Link GitHub" modal runs the same link logic as `/link-github`. A view submission has no
 * response_url and the modal closes on the ack, so the result (or an apology) goes to the person's DM.
 * https://api.slack.com/interactivity/handling#modal_responses
 */
export function registerLinkGitHubModal(app: App, ctx: AppContext): void {
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
    await ctx.outbox.enqueue({
      key: `identity:link-result:${view.id}`,
      target: 'slack',
      method: 'chat.postMessage',
      payload: { channel: body.user.id, text: renderLinkOutcome(outcome) },
    });
  });
}
