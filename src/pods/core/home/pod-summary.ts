import { escapeMrkdwn, listPeople, mentionChannel } from '../../../kit/slack/text';
import { isFull, type PodView } from '../types';

/** `5/9`, or `9/9 · full`. */
export function podSize(pod: PodView): string {
  return `${pod.members.length}/${pod.capacity}${isFull(pod) ? ' · *full*' : ''}`;
}

/** `advocate <@U1>` / `advocates <@U1> and <@U2>`. */
export function podAdvocates(pod: PodView): string {
  if (pod.advocates.length === 0) return 'no advocate yet';
  return `${pod.advocates.length === 1 ? 'advocate' : 'advocates'} ${listPeople(pod.advocates.map((a) => a.slackId))}`;
}

/** The two lines every pod listing starts with: name, size, advocates, channel; then the area. */
export function podSummary(pod: PodView): string {
  const channel = pod.channel ? ` · ${mentionChannel(pod.channel)}` : '';
  return `*${escapeMrkdwn(pod.displayName)}* \`${pod.name}\` · ${podSize(pod)} · ${podAdvocates(pod)}${channel}\n${escapeMrkdwn(pod.area)}`;
}
