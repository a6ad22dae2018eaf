import type { SlackMessage } from '../../types';
import { section } from '../../../kit/slack/blocks';

/** A one-paragraph ephemeral answer (confirmations and refusals). */
export function renderReply(markdown: string): SlackMessage {
  return { text: markdown, blocks: [section(markdown)] };
}
