import { section, type SlackMessage } from '../../../kit/slack/blocks';
import { JOIN_POD_USAGE } from '../join/parse-join-pod-command';
import { POD_USAGE } from './parse-pod-command';

/** `/pod help` (and `/join-pod help`): every command with one line on what it does. */
export function renderPodHelp(): SlackMessage {
  const text = `${POD_USAGE}\n\n${JOIN_POD_USAGE}`;
  return { text, blocks: [section(POD_USAGE), section(JOIN_POD_USAGE)] };
}
