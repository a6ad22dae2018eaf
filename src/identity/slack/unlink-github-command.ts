import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { ackThenRespond } from '../../slack/reply';
import { runUnlinkGitHubCommand } from '../link-github-command-flow';

/** `/unlink-github` (yourself) or `/unlink-github @user` (admins): ack at once, answer through response_url (see ackThenRespond). */
export function registerUnlinkGitHubCommand(app: App, ctx: AppContext): void {
  app.command('/unlink-github', async ({ command, ack }) => {
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: command.response_url, label: 'identity: /unlink-github' }, () =>
      runUnlinkGitHubCommand(ctx, command.user_id, command.text ?? ''),
    );
  });
}
