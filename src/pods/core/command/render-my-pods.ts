import { section, type KnownBlock, type SlackMessage } from '../../../kit/slack/blocks';
import { podSummary } from '../home/pod-summary';
import { formatSlackDate } from '../../../kit/slack/text';
import type { PodView } from '../types';

/** `/pod` with no arguments: the pods the caller is in, with when they joined. */
export function renderMyPods(slackId: string, pods: readonly PodView[]): SlackMessage {
  const mine = pods.filter((pod) => !pod.archived && pod.members.some((member) => member.slackId === slackId));
  if (mine.length === 0) {
    const text = 'You are not in a pod yet. `/join-pod` shows the pods, and `/join-pod auto` picks one for you.';
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = mine.map((pod) => {
    const joinedAt = pod.members.find((member) => member.slackId === slackId)!.joinedAt;
    return section(`${podSummary(pod)}\n_You joined ${formatSlackDate(joinedAt, '{date_short_pretty}')}._`);
  });
  blocks.push(section('`/pod leave` leaves a pod, `/pod help` shows every command.'));
  return { text: `Your pods: ${mine.map((pod) => pod.name).join(', ')}`, blocks };
}
