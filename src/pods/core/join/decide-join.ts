import { findAlternativePod, type AlternativePod } from './find-alternative-pod';
import { isFull, type PodView } from '../types';

export interface JoinRequest {
  /** The pod the person asked to join. */
  pod: PodView;
  joinerSlackId: string;
  /** Every pod with its current members: used for the joiner's memberships and for alternatives. */
  pods: readonly PodView[];
  maxPodsPerContributor: number;
}

export type JoinDecision =
  | { ok: true }
  | { ok: false; reason: 'archived'; alternative?: AlternativePod }
  | { ok: false; reason: 'already-member' }
  | { ok: false; reason: 'full'; alternative?: AlternativePod }
  /** At the pod limit: joining means leaving `leave` (the pod joined longest ago). */
  | { ok: false; reason: 'needs-switch-confirmation'; leave: PodView };

/**
 * Whether someone may join a pod now. Checked in this order, so the reply names the problem a
 * person can act on first: an archived pod, a pod they are in, a full pod, then their own limit.
 *
 * This is the decision shown to the person; the database write must still enforce capacity under
 * concurrency, since two joins can both see 8/9 here.
 */
export function decideJoin(request: JoinRequest): JoinDecision {
  const { pod, joinerSlackId, pods, maxPodsPerContributor } = request;

  if (pod.archived) {
    return withAlternative({ ok: false, reason: 'archived' }, findAlternativePod(pod, pods, joinerSlackId));
  }
  if (pod.members.some((member) => member.slackId === joinerSlackId)) {
    return { ok: false, reason: 'already-member' };
  }
  if (isFull(pod)) {
    return withAlternative({ ok: false, reason: 'full' }, findAlternativePod(pod, pods, joinerSlackId));
  }

  const current = pods
    .filter((other) => !other.archived && other.name !== pod.name)
    .flatMap((other) => other.members.filter((member) => member.slackId === joinerSlackId).map((member) => ({ pod: other, joinedAt: member.joinedAt })))
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.pod.name.localeCompare(b.pod.name));
  if (current.length >= maxPodsPerContributor && current.length > 0) {
    return { ok: false, reason: 'needs-switch-confirmation', leave: current[0].pod };
  }
  return { ok: true };
}

function withAlternative<T extends object>(decision: T, alternative: AlternativePod | undefined): T & { alternative?: AlternativePod } {
  return alternative ? { ...decision, alternative } : decision;
}
