import type { CallConfig, Occurrence, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { formatInZone } from './format-call-time';
import { section } from '../../../kit/slack/blocks';

/** Posted to the channel when someone attaches notes or a recording to the last occurrence. */
export function renderLinkPostedMessage(
  call: CallConfig,
  occurrence: Occurrence,
  what: 'notes' | 'recording',
  url: string,
  postedBy: string,
): SlackMessage {
  const label = what === 'notes' ? 'Notes' : 'Recording';
  const when = formatInZone(occurrence.start, call.timezone);
  return {
    text: `${label} for the ${escapeMrkdwn(call.name)} on ${when}: ${escapeMrkdwn(url)}`,
    blocks: [section(`*${label}* for the ${escapeMrkdwn(call.name)} on ${when}: <${url}|${escapeMrkdwn(url)}> (added by <@${postedBy}>)`)],
  };
}
