import type { types } from '@slack/bolt';
import { BUTTON_TEXT_LIMIT, CONTEXT_TEXT_LIMIT, HEADER_TEXT_LIMIT, SECTION_TEXT_LIMIT } from './limits';
import { truncate } from './text';

export { HOME_BLOCK_LIMIT, MESSAGE_BLOCK_LIMIT } from './limits';

/**
 * The one set of Block Kit builders every capability renders with. Each builder keeps its text within Slack's limit
 * for that field (./limits), cutting by character with a trailing `…`, so no message is refused for length.
 */

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** What `section()` builds: narrower than Bolt's SectionBlock, so readers of a rendered message can use its text. */
export interface SectionBlock {
  type: 'section';
  text: { type: 'mrkdwn'; text: string };
  accessory?: Button;
}

export interface DividerBlock {
  type: 'divider';
}

/**
 * A message: `text` is the notification and screen-reader fallback Slack asks for alongside blocks
 * (https://api.slack.com/methods/chat.postMessage#arg_text). A renderer that only uses some kinds of block may
 * say so with `Block`.
 */
export interface SlackMessage<Block extends KnownBlock = KnownBlock> {
  text: string;
  blocks: Block[];
}

export function section(text: string, accessory?: Button): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_LIMIT) },
    ...(accessory ? { accessory } : {}),
  };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, HEADER_TEXT_LIMIT), emoji: true } };
}

export function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, CONTEXT_TEXT_LIMIT) }] };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, BUTTON_TEXT_LIMIT), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string, elements: Button[]): KnownBlock {
  return { type: 'actions', block_id: blockId, elements };
}
