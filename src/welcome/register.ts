import type { Feature } from '../context';
import { registerWelcomeFirstContribution } from './github/welcome-first-contribution';
import { registerWelcomeFirstMerge } from './github/welcome-first-merge';
import { registerWelcomeLinkGitHubAction } from './slack/link-github-button';
import { registerWelcomePickPodAction } from './slack/pick-pod-button';
import { registerMemberJoinedChannelEvent } from './slack/member-joined-channel';
import { registerTeamJoinEvent } from './slack/team-join';

/**
 * Welcome: Slack welcomes (team_join DM, channel greetings, the DM's buttons) and first-timer welcomes on GitHub.
 * Linking GitHub is identity's and the contribution ledger is the ledger's; each registers itself.
 */
export const registerWelcome: Feature = (ctx, { slack, webhooks }) => {
  if (slack) {
    registerTeamJoinEvent(slack, ctx);
    registerMemberJoinedChannelEvent(slack, ctx);
    registerWelcomePickPodAction(slack, ctx);
    registerWelcomeLinkGitHubAction(slack);
  }
  if (webhooks) {
    registerWelcomeFirstContribution(webhooks, ctx);
    registerWelcomeFirstMerge(webhooks, ctx);
  }
};
