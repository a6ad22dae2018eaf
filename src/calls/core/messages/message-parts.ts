import { actions, button, type KnownBlock } from '../../../kit/slack/blocks';
import { escapeMrkdwn } from '../../../kit/slack/text';
import type { CallConfig, DescribedOccurrence, RsvpCounts } from '../../types';
import { formatInZone, slackDate } from './format-call-time';

// Pieces shared by the call messages; the Block Kit builders and Slack's limits are the kit's (src/kit/slack).

export const RSVP_ACTION_IDS = {
  going: 'call_rsvp_going',
  maybe: 'call_rsvp_maybe',
  no: 'call_rsvp_no',
} as const;

/** Topics beyond this are summarised as "…and N more" to stay well inside the section limit. */
const MAX_AGENDA_LINES = 10;

/** "When / Theme / Host / Join" lines of an occurrence. */
export function detailLines(call: CallConfig, occurrence: DescribedOccurrence): string {
  const callTime = formatInZone(occurrence.start, call.timezone);
  const lines = [`*When:* ${slackDate(occurrence.start, callTime)}, ${callTime}`];
  if (occurrence.theme) lines.push(`*Theme:* ${escapeMrkdwn(occurrence.theme)}`);
  if (occurrence.host) lines.push(`*Host:* <@${occurrence.host}>`);
  if (call.link) lines.push(`*Join:* <${call.link}|${escapeMrkdwn(call.link)}>`);
  return lines.join('\n');
}

export function agendaText(agenda: readonly string[]): string {
  if (agenda.length === 0) return '*Agenda:* nothing yet. Add a topic with `/community-call agenda <topic>`.';
  const shown = agenda.slice(0, MAX_AGENDA_LINES).map((topic) => `• ${escapeMrkdwn(topic)}`);
  if (agenda.length > MAX_AGENDA_LINES) shown.push(`…and ${agenda.length - MAX_AGENDA_LINES} more`);
  return `*Agenda:*\n${shown.join('\n')}`;
}

export function rsvpSummary(rsvps: RsvpCounts): string {
  return `*RSVPs:* ${rsvps.going} going, ${rsvps.maybe} maybe, ${rsvps.no} can't make it`;
}

/** Buttons whose value is the occurrence key, so the click handler knows which call it is for. */
export function rsvpButtons(occurrenceKey: string, rsvps: RsvpCounts): KnownBlock {
  return actions('call_rsvp', [
    button(`Going (${rsvps.going})`, RSVP_ACTION_IDS.going, occurrenceKey, 'primary'),
    button(`Maybe (${rsvps.maybe})`, RSVP_ACTION_IDS.maybe, occurrenceKey),
    button(`Can't make it (${rsvps.no})`, RSVP_ACTION_IDS.no, occurrenceKey),
  ]);
}
