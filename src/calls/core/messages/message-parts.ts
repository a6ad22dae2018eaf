import type { types as SlackTypes } from '@slack/bolt';
import type { CallConfig, DescribedOccurrence, RsvpCounts } from '../../types';
import { escapeMrkdwn } from './escape-mrkdwn';
import { formatInZone, slackDate } from './format-call-time';

// Small Block Kit pieces shared by the call messages. Limits from
// https://api.slack.com/reference/block-kit/blocks: section text ≤ 3000 characters,
// header text ≤ 150, button text ≤ 75, button value ≤ 2000.

export const RSVP_ACTION_IDS = {
  going: 'call_rsvp_going',
  maybe: 'call_rsvp_maybe',
  no: 'call_rsvp_no',
} as const;

/** Topics beyond this are summarised as "…and N more" to stay well inside the section limit. */
const MAX_AGENDA_LINES = 10;

export function header(text: string): SlackTypes.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: text.slice(0, 150), emoji: true } };
}

export function section(markdown: string): SlackTypes.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: markdown.slice(0, 3000) } };
}

export function context(markdown: string): SlackTypes.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: markdown.slice(0, 3000) }] };
}

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
export function rsvpButtons(occurrenceKey: string, rsvps: RsvpCounts): SlackTypes.ActionsBlock {
  const button = (actionId: string, label: string, count: number): SlackTypes.Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: `${label} (${count})`, emoji: true },
    value: occurrenceKey,
  });
  return {
    type: 'actions',
    block_id: 'call_rsvp',
    elements: [
      { ...button(RSVP_ACTION_IDS.going, 'Going', rsvps.going), style: 'primary' },
      button(RSVP_ACTION_IDS.maybe, 'Maybe', rsvps.maybe),
      button(RSVP_ACTION_IDS.no, "Can't make it", rsvps.no),
    ],
  };
}
