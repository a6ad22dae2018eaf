import type { Feature } from '../app/context';
import { registerLedgerRecord } from '../github/handlers/ledger-record';
import { registerWelcomeFirstContribution } from '../github/handlers/welcome-first-contribution';
import { registerWelcomeFirstMerge } from '../github/handlers/welcome-first-merge';
import { registerWelcomeLinkGitHubAction } from '../slack/actions/welcome-link-github';
import { registerWelcomePickPodAction } from '../slack/actions/welcome-pick-pod';
import { registerLinkGitHubCommand } from '../slack/commands/link-github';
import { registerUnlinkGitHubCommand } from '../slack/commands/unlink-github';
import { registerMemberJoinedChannelEvent } from '../slack/events/member-joined-channel';
import { registerTeamJoinEvent } from '../slack/events/team-join';

/**
 * Welcome + identity: Slack welcomes (team_join DM, channel greetings, the DM's buttons), /link-github and
 * /unlink-github, the contribution ledger fed by webhooks, and first-timer welcomes on GitHub.
 */
export const registerWelcome: Feature = (ctx, { slack, webhooks }) => {
  if (slack) {
    registerTeamJoinEvent(slack, ctx);
    registerMemberJoinedChannelEvent(slack, ctx);
    registerWelcomePickPodAction(slack, ctx);
    registerWelcomeLinkGitHubAction(slack, ctx);
    registerLinkGitHubCommand(slack, ctx);
    registerUnlinkGitHubCommand(slack, ctx);
  }
  if (webhooks) {
    registerLedgerRecord(webhooks, ctx);
    registerWelcomeFirstContribution(webhooks, ctx);
    registerWelcomeFirstMerge(webhooks, ctx);
  }
};
