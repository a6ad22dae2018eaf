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

/**
 * `text` cut to at most `limit` characters, with `…` as the last one when something was cut. Characters are
 * Unicode code points, as Slack counts them, so an emoji or another character outside the Basic Multilingual Plane
 * (two UTF-16 units in a JavaScript string) is kept whole or dropped whole, never split into a lone surrogate that
 * Slack would show as �. (A sequence of several code points, such as a flag or a family emoji, can still lose its tail.)
 * Walks at most `limit + 1` code points, so a huge input costs no more than a short one.
 */
export function truncate(text: string, limit: number): string {
  // A string's UTF-16 length is never smaller than its number of code points.
  if (text.length <= limit) return text;
  if (limit <= 0) return '';
  let count = 0;
  let keep = 0;
  for (let i = 0; i < text.length; count++) {
    if (count === limit - 1) keep = i;
    if (count === limit) return `${text.slice(0, keep)}…`;
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  return text;
}

