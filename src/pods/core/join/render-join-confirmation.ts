import { section, type SlackMessage } from '../../../kit/slack/blocks';
import { escapeMrkdwn, listPeople, mentionChannel } from '../../../kit/slack/text';
import type { PodView } from '../types';

/**
 * Tells the joiner they are in, who their advocate is, and where the pod talks. For auto-assignment
 * `reason` says why this pod was chosen; after a switch, `leftPod` names the pod they left.
 */
export function renderJoinConfirmation(pod: PodView, options: { reason?: string; leftPod?: PodView } = {}): SlackMessage {
  const lines: string[] = [];
  const left = options.leftPod ? ` You left *${escapeMrkdwn(options.leftPod.displayName)}*.` : '';
  lines.push(`You joined the *${escapeMrkdwn(pod.displayName)}* pod.${left}`);
  if (options.reason) lines.push(`Why this pod: ${escapeMrkdwn(options.reason)}`);
  if (pod.advocates.length > 0) {
    const who = listPeople(pod.advocates.map((advocate) => advocate.slackId));
    lines.push(`${who} ${pod.advocates.length === 1 ? 'is your advocate and has' : 'are your advocates and have'} been told you are here; say hi any time.`);
  }
  if (pod.channel) lines.push(`The pod talks in ${mentionChannel(pod.channel)}.`);
  const text = lines.join('\n');
  return { text, blocks: [section(text)] };
}
