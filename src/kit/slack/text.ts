/**
 * Small helpers for Slack mrkdwn. Slack reads `&`, `<` and `>` as control characters, so text
 * that came from people or config must be escaped before it goes into a message.
 * https://api.slack.com/reference/surfaces/formatting#escaping
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<@U123>`, which Slack renders as the person's current name. */
export function mentionUser(slackId: string): string {
  return `<@${slackId}>`;
}

/** `<#C123>`, which Slack renders as the channel's current name. */
export function mentionChannel(channelId: string): string {
  return `<#${channelId}>`;
}

/** People separated by commas, "and" before the last: `<@U1>, <@U2> and <@U3>`. */
export function listPeople(slackIds: readonly string[]): string {
  return joinWithAnd(slackIds.map(mentionUser));
}

export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A date Slack shows in each reader's own time zone, with a UTC fallback for clients that
 * cannot format it. https://api.slack.com/reference/surfaces/formatting#date-formatting
 */
export function formatSlackDate(date: Date, format = '{date_short_pretty} at {time}'): string {
  const seconds = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}

/** Slack refuses section text over 3,000 characters. https://api.slack.com/reference/block-kit/blocks#section */
export const SECTION_TEXT_LIMIT = 3000;

/** Button labels are cut at 75 characters. https://api.slack.com/reference/block-kit/block-elements#button */
export const BUTTON_TEXT_LIMIT = 75;

export function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
