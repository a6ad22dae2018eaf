import type { types } from '@slack/bolt';
import { BUTTON_TEXT_LIMIT, SECTION_TEXT_LIMIT, truncate } from './text';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** A message: `text` is the notification and screen-reader fallback Slack asks for alongside blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Slack refuses messages with more than 50 blocks, and Home tabs and modals with more than 100.
 * https://api.slack.com/reference/block-kit/blocks
 */
export const MESSAGE_BLOCK_LIMIT = 50;
export const HOME_BLOCK_LIMIT = 100;

export function section(text: string, accessory?: Button): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_LIMIT) },
    ...(accessory ? { accessory } : {}),
  };
}

export function header(text: string): KnownBlock {
  // Header text is plain text of at most 150 characters.
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, 150), emoji: true } };
}

export function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_TEXT_LIMIT) }] };
}

export function divider(): KnownBlock {
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
