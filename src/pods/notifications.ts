import type { OutboxJobInput } from '../outbox/types';
import type { SlackMessage } from '../kit/slack/blocks';
import { renderAdvocateHandoff, type Joiner } from './core/join/render-advocate-handoff';
import { renderPodChannelIntro } from './core/command/render-pod-channel-intro';
import type { PodView } from './core/types';

/**
 * Outbox jobs for Pods. Keys name the thing that happened (a membership, a pod and a person), so a
 * retried request or a redelivered event enqueues the same key and nothing is sent twice.
 */
export function slackMessageJob(key: string, channel: string, message: SlackMessage): OutboxJobInput {
  return { key, target: 'slack', method: 'chat.postMessage', payload: { channel, text: message.text, blocks: message.blocks } };
}

/** After a join: a DM hand-off to each advocate (not to the joiner themself) and an intro in the pod channel. */
export function joinNotifications(pod: PodView, joiner: Joiner, membershipId: number, memberCount: number): OutboxJobInput[] {
  const jobs = pod.advocates
    .filter((advocate) => advocate.slackId !== joiner.slackId)
    .map((advocate) =>
      slackMessageJob(`pod-join:${membershipId}:advocate:${advocate.slackId}`, advocate.slackId, renderAdvocateHandoff(pod, joiner, memberCount)),
    );
  if (pod.channel) jobs.push(slackMessageJob(`pod-join:${membershipId}:channel`, pod.channel, renderPodChannelIntro(pod, joiner, memberCount)));
  return jobs;
}
