import type { CallConfig, DescribedOccurrence, Occurrence, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { formatInZone } from './format-call-time';
import { section } from '../../../kit/slack/blocks';

export interface CancellationInput {
  call: CallConfig;
  occurrence: Occurrence;
  reason?: string;
  /** Slack user id of whoever ran `skip`. */
  cancelledBy?: string;
  /** The next occurrence that still happens, so people know when to come back. */
  next?: DescribedOccurrence;
}

/** Posted to the channel as soon as an occurrence is skipped. */
export function renderCancellationMessage({ call, occurrence, reason, cancelledBy, next }: CancellationInput): SlackMessage {
  const when = formatInZone(occurrence.start, call.timezone);
  const lines = [`🚫 *${escapeMrkdwn(call.name)} on ${when} is cancelled.*`];
  if (reason) lines.push(`Reason: ${escapeMrkdwn(reason)}`);
  if (cancelledBy) lines.push(`Cancelled by <@${cancelledBy}>.`);
  lines.push(next ? `Next call: ${formatInZone(next.start, call.timezone)}.` : 'No later call is scheduled yet.');
  // `text` is read as mrkdwn too (notifications, screen readers), so user text is escaped there as well.
  const text = `${escapeMrkdwn(call.name)} on ${when} is cancelled${reason ? `: ${escapeMrkdwn(reason)}` : '.'}`;
  return { text, blocks: [section(lines.join('\n'))] };
}
