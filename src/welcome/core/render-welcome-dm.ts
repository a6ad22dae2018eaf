import { actions, button, section, type SlackMessage } from '../../kit/slack/blocks';
import type { WelcomeConfig } from '../config';
import { WELCOME_LINK_GITHUB_ACTION, WELCOME_PICK_POD_ACTION } from './action-ids';
import { fillTemplate } from './fill-template';

export interface Newcomer {
  /** Slack user id (`U…`). */
  id: string;
  /** Name to greet them by, if Slack gave one. */
  displayName?: string;
}

/**
 * The `team_join` welcome DM: the configured template with its placeholders filled, then the two next steps as
 * buttons. `{name}` becomes a mention, which Slack renders as the person's current display name.
 */
export function renderWelcomeDm(config: WelcomeConfig, newcomer: Newcomer): SlackMessage {
  const text = fillTemplate(config.message, {
    name: `<@${newcomer.id}>`,
    community: config.community,
    codeOfConduct: config.codeOfConductUrl,
    contributing: config.contributingUrl,
    goodFirstIssues: config.goodFirstIssuesUrl,
  });
  return {
    text,
    blocks: [
      section(text),
      actions('welcome_next_steps', [
        button('Pick a Pod', WELCOME_PICK_POD_ACTION, newcomer.id, 'primary'),
        button('Link GitHub', WELCOME_LINK_GITHUB_ACTION, newcomer.id),
      ]),
    ],
  };
}
