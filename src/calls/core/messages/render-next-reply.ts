import type { CallConfig, DescribedOccurrence, RsvpCounts, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { formatInZone, isKnownTimezone } from './format-call-time';
import { context, section } from '../../../kit/slack/blocks';
import { agendaText, rsvpSummary } from './message-parts';

export interface NextReplyInput {
  call: CallConfig;
  /** The next occurrence that is not skipped, if any. */
  occurrence: DescribedOccurrence | undefined;
  agenda: readonly string[];
  rsvps: RsvpCounts;
  /** The reader's zone from Slack users.info `tz`; missing or unknown zones are left out. */
  readerTimezone?: string;
  icsUrl: string;
}

/** Ephemeral answer to `/community-call next`, in the reader's zone and in the call's zone. */
export function renderNextReply({ call, occurrence, agenda, rsvps, readerTimezone, icsUrl }: NextReplyInput): SlackMessage {
  if (!occurrence) {
    const text = `No ${escapeMrkdwn(call.name)} is scheduled. Check \`/community-call schedule\` later.`;
    return { text, blocks: [section(text)] };
  }
  const callTime = formatInZone(occurrence.start, call.timezone);
  const lines = [`*Next ${escapeMrkdwn(call.name)}*`];
  if (isKnownTimezone(readerTimezone) && readerTimezone !== call.timezone) {
    lines.push(`*Your time:* ${formatInZone(occurrence.start, readerTimezone)}`);
  }
  lines.push(`*Call time:* ${callTime}`);
  if (occurrence.theme) lines.push(`*Theme:* ${escapeMrkdwn(occurrence.theme)}`);
  if (occurrence.host) lines.push(`*Host:* <@${occurrence.host}>`);
  if (call.link) lines.push(`*Join:* <${call.link}|${escapeMrkdwn(call.link)}>`);
  lines.push(rsvpSummary(rsvps));
  return {
    text: `Next ${escapeMrkdwn(call.name)}: ${callTime}`,
    blocks: [section(lines.join('\n')), section(agendaText(agenda)), context(`<${icsUrl}|Add the calendar>`)],
  };
}
