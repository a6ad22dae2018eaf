import type { CallConfig, DescribedOccurrence, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { section } from '../../../kit/slack/blocks';

export interface FollowUpInput {
  call: CallConfig;
  occurrence: DescribedOccurrence;
  notesUrl?: string;
  recordingUrl?: string;
}

/** Posted when the call ends: the links if known, otherwise a nudge to the host to add them. */
export function renderFollowUpMessage({ call, occurrence, notesUrl, recordingUrl }: FollowUpInput): SlackMessage {
  const lines = [`🙏 Thanks for joining the ${escapeMrkdwn(call.name)}!`];
  if (notesUrl) lines.push(`*Notes:* <${notesUrl}|${escapeMrkdwn(notesUrl)}>`);
  if (recordingUrl) lines.push(`*Recording:* <${recordingUrl}|${escapeMrkdwn(recordingUrl)}>`);

  const missing = [
    notesUrl ? undefined : '`/community-call notes <url>`',
    recordingUrl ? undefined : '`/community-call recording <url>`',
  ].filter(Boolean);
  if (missing.length > 0) {
    const who = occurrence.host ? `<@${occurrence.host}>, please` : 'Whoever has them, please';
    lines.push(`${who} add the links with ${missing.join(' and ')}.`);
  }
  return { text: `Thanks for joining the ${escapeMrkdwn(call.name)}!`, blocks: [section(lines.join('\n'))] };
}
