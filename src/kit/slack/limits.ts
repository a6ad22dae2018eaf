/**
 * Slack's size limits, in one place. Slack counts characters, so the kit measures and cuts text by Unicode
 * code point (see `truncate` in ./text): an emoji is one character to Slack and must never be cut in half.
 */

/**
 * Message `text`: Slack truncates anything longer than 40,000 characters.
 * https://api.slack.com/methods/chat.postMessage#truncating and
 * https://api.slack.com/changelog/2018-04-truncating-really-long-messages
 */
export const MESSAGE_TEXT_LIMIT = 40_000;

/**
 * Blocks per surface: "You can include up to 50 blocks in each message, and 100 blocks in modals or Home tabs."
 * https://api.slack.com/reference/block-kit/blocks
 */
export const MESSAGE_BLOCK_LIMIT = 50;
export const HOME_BLOCK_LIMIT = 100;

/** A section's `text` is at most 3,000 characters. https://api.slack.com/reference/block-kit/blocks#section */
export const SECTION_TEXT_LIMIT = 3000;

/** A context block's mrkdwn element is a text object, at most 3,000 characters. https://api.slack.com/reference/block-kit/composition-objects#text */
export const CONTEXT_TEXT_LIMIT = 3000;

/** A header's plain_text is at most 150 characters. https://api.slack.com/reference/block-kit/blocks#header */
export const HEADER_TEXT_LIMIT = 150;

/**
 * A button's plain_text label is at most 75 characters, its `value` at most 2,000 and its `action_id` at most 255.
 * https://api.slack.com/reference/block-kit/block-elements#button
 */
export const BUTTON_TEXT_LIMIT = 75;
export const BUTTON_VALUE_LIMIT = 2000;
export const ACTION_ID_LIMIT = 255;

/** A `block_id` is at most 255 characters. https://api.slack.com/reference/block-kit/blocks */
export const BLOCK_ID_LIMIT = 255;
