import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { ackThenRespond } from '../../slack/reply';
import { runLinkGitHubCommand } from '../link-github-command-flow';

/**
 * `/link-github [login]`: ack at once, answer through response_url (see ackThenRespond). Linking calls the GitHub
 * API and showing the link reads the database; neither belongs before the ack (Slack's 3-second rule), and a
 * failure in either gets the person an apology instead of silence.
 * https://api.slack.com/interactivity/slash-commands#responding_to_commands
 */
export function registerLinkGitHubCommand(app: App, ctx: AppContext): void {
  app.command('/link-github', async ({ command, ack }) => {
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: command.response_url, label: 'identity: /link-github' }, () =>
      runLinkGitHubCommand(ctx, command.user_id, command.text ?? ''),
    );
  });
}
