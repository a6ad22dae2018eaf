import { context, MESSAGE_BLOCK_LIMIT, section, type KnownBlock, type SlackMessage } from '../../../kit/slack/blocks';
import { podSummary } from '../home/pod-summary';
import type { PodView } from '../types';

/** `/pod list`: every live pod with size, advocates and area; archived pods are only counted. */
export function renderPodList(pods: readonly PodView[]): SlackMessage {
  const live = pods.filter((pod) => !pod.archived);
  const archived = pods.length - live.length;
  if (live.length === 0) {
    const text = 'There are no pods yet. An admin can create one with `/pod create`, or add it to podbot.yml.';
    return { text, blocks: [section(text)] };
  }
  const shown = live.slice(0, MESSAGE_BLOCK_LIMIT - 2);
  const blocks: KnownBlock[] = [section(`*${live.length} ${live.length === 1 ? 'pod' : 'pods'}* · \`/join-pod <name>\` joins one, \`/pod info <name>\` tells more.`)];
  for (const pod of shown) blocks.push(section(podSummary(pod)));
  const notes: string[] = [];
  if (live.length > shown.length) notes.push(`${live.length - shown.length} more not shown.`);
  if (archived > 0) notes.push(`${archived} archived ${archived === 1 ? 'pod is' : 'pods are'} not listed.`);
  if (notes.length > 0) blocks.push(context(notes.join(' ')));
  return { text: `Pods: ${live.map((pod) => pod.name).join(', ')}`, blocks };
}
