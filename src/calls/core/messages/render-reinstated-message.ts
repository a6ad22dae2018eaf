import type { CallConfig, DescribedOccurrence, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { formatInZone } from './format-call-time';
import { section } from '../../../kit/slack/blocks';

/** Posted to the channel when a cancelled occurrence is brought back with `unskip`. */
export function renderReinstatedMessage(call: CallConfig, occurrence: DescribedOccurrence, reinstatedBy: string): SlackMessage {
  const when = formatInZone(occurrence.start, call.timezone);
  const lines = [`✅ *${escapeMrkdwn(call.name)} on ${when} is back on.*`, `Reinstated by <@${reinstatedBy}>. Reminders will follow as usual.`];
  return { text: `${escapeMrkdwn(call.name)} on ${when} is back on.`, blocks: [section(lines.join('\n'))] };
}
