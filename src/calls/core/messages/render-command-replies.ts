import type { CallConfig, SlackMessage } from '../../types';
import { escapeMrkdwn, mentionChannel } from '../../../kit/slack/text';
import { formatInZone } from './format-call-time';
import { renderReply } from './render-reply';

// The ephemeral answers to `/community-call` subcommands that change something. Topics are typed by
// anyone, so they are escaped: the answer's `text` is read as mrkdwn as well as its blocks.

export function renderNoCallForAgenda(call: CallConfig): SlackMessage {
  return renderReply(`No upcoming ${escapeMrkdwn(call.name)} is scheduled, so there is no agenda to add to.`);
}

export function renderAgendaAdded(call: CallConfig, topic: string, start: Date): SlackMessage {
  return renderReply(`Added “${escapeMrkdwn(topic)}” to the agenda of the ${escapeMrkdwn(call.name)} on ${formatInZone(start, call.timezone)}.`);
}

export function renderSkipChanged(call: CallConfig, mode: 'skip' | 'unskip', start: Date): SlackMessage {
  const when = formatInZone(start, call.timezone);
  const name = escapeMrkdwn(call.name);
  return renderReply(
    mode === 'skip'
      ? `Skipped the ${name} on ${when}. Its reminders will not be sent, and I posted the cancellation in ${mentionChannel(call.channel)}.`
      : `The ${name} on ${when} is back on; reminders will go out as usual. I told ${mentionChannel(call.channel)}.`,
  );
}

export function renderNoPastCall(call: CallConfig, what: 'notes' | 'recording'): SlackMessage {
  return renderReply(`No ${escapeMrkdwn(call.name)} has taken place yet, so there is no call to attach the ${what} to.`);
}

export function renderLinkAttached(call: CallConfig, what: 'notes' | 'recording', start: Date): SlackMessage {
  return renderReply(
    `Attached the ${what} to the ${escapeMrkdwn(call.name)} on ${formatInZone(start, call.timezone)} and posted the link in ${mentionChannel(call.channel)}.`,
  );
}

export function renderRsvpRefused(reason: 'unknown' | 'over' | 'cancelled', call?: CallConfig): SlackMessage {
  if (reason === 'unknown' || !call) return renderReply('This call is no longer on the schedule, so I did not record your answer.');
  const name = escapeMrkdwn(call.name);
  return renderReply(reason === 'over' ? `This ${name} is already over, so answers are closed.` : `This ${name} was cancelled, so answers are closed.`);
}
