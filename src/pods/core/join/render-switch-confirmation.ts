import { encodeSwitchValue, JOIN_POD_SWITCH_ACTION, JOIN_POD_SWITCH_CANCEL_ACTION } from '../action-ids';
import { actions, button, section, type SlackMessage } from '../../../kit/slack/blocks';
import { escapeMrkdwn } from '../../../kit/slack/text';
import type { PodView } from '../types';

/**
 * Asks someone at their pod limit whether to leave `from` for `to`. Confirm carries `from→to` so
 * the action handler needs no state; Cancel has its own action id, as action ids must differ
 * within one actions block.
 */
export function renderSwitchConfirmation(from: PodView, to: PodView, maxPodsPerContributor: number): SlackMessage {
  const limit = maxPodsPerContributor === 1 ? 'one pod at a time' : `${maxPodsPerContributor} pods at a time`;
  const text =
    `You can be in ${limit}. Leave *${escapeMrkdwn(from.displayName)}* and join *${escapeMrkdwn(to.displayName)}*? ` +
    'Your time in the old pod stays in its history.';
  return {
    text,
    blocks: [
      section(text),
      actions('join_pod_switch', [
        button(`Switch to ${to.displayName}`, JOIN_POD_SWITCH_ACTION, encodeSwitchValue(from.name, to.name), 'primary'),
        button(`Stay in ${from.displayName}`, JOIN_POD_SWITCH_CANCEL_ACTION, from.name),
      ]),
    ],
  };
}
