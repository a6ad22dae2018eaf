import { DateTime, IANAZone } from 'luxon';
import { escapeMrkdwn } from '../../../kit/slack/text';

// Times are written out with the IANA zone name and UTC offset rather than abbreviations such as
// "BST": abbreviations come from the host's ICU data and vary between machines and locales.

/** "Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00)". */
export function formatInZone(instant: Date, timezone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timezone }).setLocale('en-GB');
  return `${local.toFormat('cccc d LLLL yyyy, HH:mm')} (${timezone}, UTC${local.toFormat('ZZ')})`;
}

/** "Wed 25 Nov, 16:30", short enough for lists. */
export function formatShortInZone(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');
}

/**
 * Slack's date token, which every reader sees in their own time zone
 * (https://api.slack.com/reference/surfaces/formatting#date-formatting). The fallback is shown by
 * clients that cannot render it.
 */
export function slackDate(instant: Date, fallback: string): string {
  const seconds = Math.floor(instant.getTime() / 1000);
  return `<!date^${seconds}^{date_long_pretty} at {time}|${escapeMrkdwn(fallback)}>`;
}

export function isKnownTimezone(timezone: string | undefined): timezone is string {
  return timezone !== undefined && timezone !== '' && IANAZone.isValidZone(timezone);
}
