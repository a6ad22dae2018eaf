import type { CallConfig, DescribedOccurrence, RsvpCounts, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { formatInZone } from './format-call-time';
import { context, header, section } from '../../../kit/slack/blocks';
import { agendaText, detailLines, rsvpButtons } from './message-parts';

export interface ReminderMessageInput {
  call: CallConfig;
  occurrence: DescribedOccurrence;
  agenda: readonly string[];
  rsvps: RsvpCounts;
  /** Calendar feed for this call, e.g. https://podbot.example.org/calls/community-call.ics. */
  icsUrl: string;
}

/**
 * The reminder posted before a call. It is re-rendered with new counts and sent with chat.update
 * when someone answers, so it names the time absolutely ("in 1 hour" would go stale).
 */
export function renderReminderMessage({ call, occurrence, agenda, rsvps, icsUrl }: ReminderMessageInput): SlackMessage {
  const when = formatInZone(occurrence.start, call.timezone);
  return {
    text: `${escapeMrkdwn(call.name)}: ${when}${occurrence.theme ? `, theme: ${escapeMrkdwn(occurrence.theme)}` : ''}`,
    blocks: [
      header(`📅 ${call.name}`),
      section(detailLines(call, occurrence)),
      section(agendaText(agenda)),
      rsvpButtons(occurrence.key, rsvps),
      context(`<${icsUrl}|Add the calendar> · Are you coming? Counts update as people answer.`),
    ],
  };
}
