import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { unlinkGitHub } from '../link-github';
import { parseUnlinkGitHubCommand } from '../core/parse-unlink-github-command';
import { renderIdentityUsage, renderUnlinked, renderUnlinkOthersRefused } from '../core/render-identity-replies';

/** `/unlink-github` (yourself) or `/unlink-github @user` (admins). Two indexed writes at most, so it answers in the ack. */
export function registerUnlinkGitHubCommand(app: App, ctx: AppContext): void {
  app.command('/unlink-github', async ({ command, ack }) => {
    const parsed = parseUnlinkGitHubCommand(command.text ?? '');
    if (parsed.kind === 'usage') return ack({ response_type: 'ephemeral', text: renderIdentityUsage(parsed.problem) });
    if (parsed.kind === 'other' && parsed.slackUserId !== command.user_id) {
      if (!ctx.isAdmin(command.user_id)) return ack({ response_type: 'ephemeral', text: renderUnlinkOthersRefused() });
      const login = await unlinkGitHub(ctx, parsed.slackUserId);
      ctx.log.info({ admin: command.user_id, user: parsed.slackUserId, login }, 'identity: admin unlinked a GitHub login');
      return ack({ response_type: 'ephemeral', text: renderUnlinked(login, parsed.slackUserId) });
    }
    const login = await unlinkGitHub(ctx, command.user_id);
    return ack({ response_type: 'ephemeral', text: renderUnlinked(login) });
  });
}
