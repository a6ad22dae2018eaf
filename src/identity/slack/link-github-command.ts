import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { linkGitHub, renderLinkOutcome } from '../link-github';
import { parseLinkGitHubCommand } from '../core/parse-link-github-command';
import { renderCurrentLink, renderIdentityUsage } from '../core/render-identity-replies';
import type { Level } from '../../kit/contributors/level';
import { respondWithRetry } from '../../slack/respond-with-retry';

/**
 * `/link-github [login]`. Showing the link is one indexed read, so it answers in the ack; linking calls the GitHub
 * API, so it acks first and answers through response_url (Slack's 3-second rule).
 * https://api.slack.com/interactivity/slash-commands#responding_to_commands
 */
export function registerLinkGitHubCommand(app: App, ctx: AppContext): void {
  app.command('/link-github', async ({ command, ack, respond }) => {
    const parsed = parseLinkGitHubCommand(command.text ?? '');
    if (parsed.kind === 'usage') return ack({ response_type: 'ephemeral', text: renderIdentityUsage(parsed.problem) });
    if (parsed.kind === 'show') {
      const me = await ctx.db.contributor.findUnique({ where: { slackUserId: command.user_id } });
      const text = renderCurrentLink(me?.githubLogin ?? undefined, me ? { level: me.level as Level, source: me.levelSource } : undefined);
      return ack({ response_type: 'ephemeral', text });
    }
    await ack();
    const outcome = await linkGitHub(ctx, command.user_id, parsed.login);
    ctx.log.info({ user: command.user_id, outcome: outcome.kind }, 'identity: /link-github');
    await respondWithRetry(respond)({ response_type: 'ephemeral', text: renderLinkOutcome(outcome) });
  });
}
