import { escapeMrkdwn } from '../../../kit/slack/text';

export type ParsedLink = { ok: true; url: string } | { ok: false; message: string };

/**
 * A notes or recording link typed in a slash command. Slack may send links wrapped as `<url>` or
 * `<url|label>` (https://api.slack.com/interactivity/slash-commands#creating_commands, "Escape
 * channels, users, and links"), so the brackets are removed before checking.
 */
export function parseLink(text: string | undefined, what: 'notes' | 'recording'): ParsedLink {
  const raw = (text ?? '').trim();
  const example = `\`/community-call ${what} https://example.com/${what === 'notes' ? 'notes' : 'video'}\``;
  if (raw === '') return { ok: false, message: `Add the link, like ${example}.` };
  const unwrapped = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(raw)?.[1] ?? raw;
  try {
    const url = new URL(unwrapped);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, url: url.toString() };
  } catch {
    // Not a URL at all: answered below with the same advice.
  }
  return { ok: false, message: `\`${escapeMrkdwn(unwrapped)}\` is not an http(s) link. Try ${example}.` };
}
