import type { Feature } from '../context';
import { registerLedgerRecord } from '../ledger/github/record-contribution';
import { registerWelcomeFirstContribution } from './github/welcome-first-contribution';
import { registerWelcomeFirstMerge } from './github/welcome-first-merge';
import { registerWelcomeLinkGitHubAction } from './slack/link-github-button';
import { registerWelcomePickPodAction } from './slack/pick-pod-button';
import { registerLinkGitHubCommand } from '../identity/slack/link-github-command';
import { registerUnlinkGitHubCommand } from '../identity/slack/unlink-github-command';
import { registerMemberJoinedChannelEvent } from './slack/member-joined-channel';
import { registerTeamJoinEvent } from './slack/team-join';

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
