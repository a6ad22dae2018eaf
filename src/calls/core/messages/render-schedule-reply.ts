import type { CallConfig, DescribedOccurrence, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { formatShortInZone, slackDate } from './format-call-time';
import { context, section } from '../../../kit/slack/blocks';

/** Answer to `/community-call schedule`: the next occurrences (usually 4), skipped ones struck out. */
export function renderScheduleReply(call: CallConfig, occurrences: readonly DescribedOccurrence[], icsUrl: string): SlackMessage {
  if (occurrences.length === 0) {
    const text = `No upcoming ${escapeMrkdwn(call.name)} is scheduled.`;
    return { text, blocks: [section(text)] };
  }
  const lines = occurrences.map((occurrence) => {
    const callTime = `${formatShortInZone(occurrence.start, call.timezone)} ${call.timezone}`;
    if (occurrence.skipped) {
      const reason = occurrence.skipReason ? `: ${escapeMrkdwn(occurrence.skipReason)}` : '';
      return `• ~${callTime}~ skipped${reason}`;
    }
    const extras = [
      occurrence.theme ? `theme *${escapeMrkdwn(occurrence.theme)}*` : undefined,
      occurrence.host ? `host <@${occurrence.host}>` : undefined,
    ].filter(Boolean);
    return `• ${slackDate(occurrence.start, callTime)} (${callTime})${extras.length ? `, ${extras.join(', ')}` : ''}`;
  });
  return {
    text: `Upcoming ${escapeMrkdwn(call.name)} dates`,
    blocks: [section(`*Upcoming ${escapeMrkdwn(call.name)}*\n${lines.join('\n')}`), context(`<${icsUrl}|Add the calendar>`)],
  };
}
