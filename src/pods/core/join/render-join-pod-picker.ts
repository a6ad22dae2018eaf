import { JOIN_POD_ACTION } from '../action-ids';
import { button, context, MESSAGE_BLOCK_LIMIT, section, type KnownBlock, type SlackMessage } from '../../../kit/slack/blocks';
import { podSummary } from '../home/pod-summary';
import { isFull, type PodView } from '../types';

/**
 * The ephemeral `/join-pod` picker: one section per open (non-archived) pod with its area,
 * `n/capacity`, advocates and a Join button. Full pods are marked and get no button; the viewer's
 * own pods say so instead of offering a button.
 */
export function renderJoinPodPicker(
  pods: readonly PodView[],
  options: { viewerSlackId?: string; idealSize?: number } = {},
): SlackMessage {
  const { viewerSlackId, idealSize = 7 } = options;
  const live = pods.filter((pod) => !pod.archived);
  if (live.length === 0) {
    const text = 'There are no pods to join yet. An admin can create one with `/pod create`.';
    return { text, blocks: [section(text)] };
  }

  const intro = section(
    `*Pick a Pod.* A Pod is a small group (about ${idealSize}) around one area of the project, with an advocate who welcomes you. ` +
      'Not sure? `/join-pod auto` picks one for you.',
  );
  // One block is the intro and one may be the "more" note, so the message stays within Slack's limit.
  const room = MESSAGE_BLOCK_LIMIT - 2;
  const shown = live.slice(0, room);
  const blocks: KnownBlock[] = [intro];
  for (const pod of shown) {
    const member = viewerSlackId !== undefined && pod.members.some((m) => m.slackId === viewerSlackId);
    if (member) {
      blocks.push(section(`${podSummary(pod)}\n_You are in this pod._`));
    } else if (isFull(pod)) {
      blocks.push(section(podSummary(pod)));
    } else {
      blocks.push(section(podSummary(pod), button(`Join ${pod.displayName}`, JOIN_POD_ACTION, pod.name, 'primary')));
    }
  }
  if (live.length > shown.length) {
    blocks.push(context(`${live.length - shown.length} more pods are not shown; \`/pod list\` lists them all, and \`/join-pod <name>\` joins one.`));
  }
  return { text: `Pick a Pod: ${live.map((pod) => pod.name).join(', ')}`, blocks };
}
