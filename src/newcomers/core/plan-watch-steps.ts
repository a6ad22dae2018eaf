import type { SlackMessage } from '../../kit/slack/blocks';
import { firstResponseKey, type WatchStep } from './first-response-keys';
import type { ResponseDeadlines } from './response-deadlines';
import { renderWaitingItem, type Audience, type WaitingItemView } from './render-waiting-item';

export interface WatchedItem extends WaitingItemView {
  nudgedAt: Date | null;
  escalatedAt: Date | null;
}

/** A live Pod the item belongs to, as far as the messages need. */
export interface PodTarget {
  displayName: string;
  /** Slack user ids. */
  advocates: readonly string[];
  channel?: string;
}

export interface PlannedSend {
  key: string;
  /** A Slack user id (DM) or channel id. */
  channel: string;
  message: SlackMessage;
}

export interface PlannedStep {
  step: WatchStep;
  sends: PlannedSend[];
}

export interface PlanInput {
  item: WatchedItem;
  now: Date;
  deadlines: ResponseDeadlines;
  within: string;
  /** The item's live Pods. */
  pods: readonly PodTarget[];
  /** Slack user ids of the admins. */
  admins: readonly string[];
}

/**
 * The steps of an unanswered item that are due and not yet taken, in order:
 * 1. nudge, at the first deadline: a DM to each advocate of the item's Pods (once each, even when they advocate for
 *    two of them) and a post in each Pod's channel; with no Pod, or Pods with neither advocates nor a channel, a DM
 *    to each admin;
 * 2. escalate, at twice the time: a DM to each admin.
 * An item found late (podbot was down, or it was open before install) can be due for both at once; each is planned.
 */
export function planWatchSteps(input: PlanInput): PlannedStep[] {
  const { item, now, deadlines } = input;
  const steps: PlannedStep[] = [];
  const render = (audience: Audience) => renderWaitingItem({ item, now, within: input.within, audience });
  if (!item.nudgedAt && now >= deadlines.nudgeAt) {
    const sends: PlannedSend[] = [];
    const told = new Set<string>();
    for (const pod of input.pods) {
      for (const advocate of pod.advocates) {
        if (told.has(advocate)) continue;
        told.add(advocate);
        sends.push({ key: firstResponseKey(item, 'nudge', advocate), channel: advocate, message: render({ kind: 'advocate', pod: pod.displayName }) });
      }
      if (pod.channel && !told.has(pod.channel)) {
        told.add(pod.channel);
        sends.push({ key: firstResponseKey(item, 'nudge', pod.channel), channel: pod.channel, message: render({ kind: 'pod-channel', pod: pod.displayName }) });
      }
    }
    if (sends.length === 0) {
      for (const admin of new Set(input.admins)) sends.push({ key: firstResponseKey(item, 'nudge', admin), channel: admin, message: render({ kind: 'admins-no-pod' }) });
    }
    steps.push({ step: 'nudge', sends });
  }
  if (!item.escalatedAt && now >= deadlines.escalateAt) {
    const pods = input.pods.filter((pod) => pod.advocates.length > 0 || pod.channel).map((pod) => pod.displayName);
    const message = render({ kind: 'admins-escalation', pods });
    steps.push({ step: 'escalate', sends: [...new Set(input.admins)].map((admin) => ({ key: firstResponseKey(item, 'escalate', admin), channel: admin, message })) });
  }
  return steps;
}
