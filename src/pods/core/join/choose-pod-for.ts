import { matchesInterests } from '../mentions/pod-keywords';
import { isOpen, type Level, type PodView } from '../types';

export interface AutoAssignRequest {
  level: Level;
  /** Interests from `/join-pod interests: …`; absent for `/join-pod auto` (every pod is a candidate). */
  interests?: readonly string[];
  pods: readonly PodView[];
  /** Pods this person is already in are not candidates. */
  joinerSlackId?: string;
}

export type AutoAssignment =
  | { ok: true; pod: PodView; reason: string }
  | { ok: false; reason: 'no-match' | 'none-open'; message: string };

/**
 * Picks a pod for `/join-pod auto` or `/join-pod interests: …`, keeping pods mixed and balanced:
 * fewest members at the joiner's level, then the smallest pod, then the name. Deterministic, and
 * the `reason` tells the person why, so the choice never looks arbitrary.
 */
export function choosePodFor(request: AutoAssignRequest): AutoAssignment {
  const { level, interests, pods, joinerSlackId } = request;
  const live = pods.filter((pod) => !pod.archived);
  const matching = interests === undefined ? live : live.filter((pod) => matchesInterests(pod, interests));
  const scope = interests === undefined ? 'open pods' : `open pods matching ${interests.join(', ')}`;

  if (matching.length === 0) {
    const known = live.map((pod) => `\`${pod.name}\``).join(', ');
    return {
      ok: false,
      reason: 'no-match',
      message:
        live.length === 0
          ? 'There are no pods yet. An admin can create one with `/pod create`.'
          : `No pod matches ${(interests ?? []).join(', ')}. The pods are ${known}; try \`/join-pod auto\` or pick one with \`/join-pod\`.`,
    };
  }

  const candidates = matching
    .filter((pod) => isOpen(pod))
    .filter((pod) => joinerSlackId === undefined || !pod.members.some((member) => member.slackId === joinerSlackId))
    .map((pod) => ({ pod, atLevel: pod.members.filter((member) => member.level === level).length, size: pod.members.length }))
    .sort((a, b) => a.atLevel - b.atLevel || a.size - b.size || a.pod.name.localeCompare(b.pod.name));

  const best = candidates[0];
  if (best === undefined) {
    return {
      ok: false,
      reason: 'none-open',
      message: `Every ${interests === undefined ? 'pod' : `pod matching ${interests.join(', ')}`} is full or already has you. Try \`/join-pod\` to see them all, or ask an advocate.`,
    };
  }

  const facts = `${best.pod.name} has ${count(best.atLevel, level)} of ${count(best.size, 'member')}`;
  if (candidates.length === 1) {
    const only = interests === undefined ? 'open pod' : `open pod matching ${interests.join(', ')}`;
    return {
      ok: true,
      pod: best.pod,
      reason: `${best.pod.name} is the only ${only}; it has ${count(best.atLevel, level)} of ${count(best.size, 'member')}.`,
    };
  }
  const sameLevel = candidates.filter((c) => c.atLevel === best.atLevel);
  if (sameLevel.length === 1) {
    return { ok: true, pod: best.pod, reason: `${facts}, the fewest ${plural(level)} among ${candidates.length} ${scope}.` };
  }
  const sameSize = sameLevel.filter((c) => c.size === best.size);
  const tie = `${sameLevel.length} of the ${candidates.length} ${scope} have ${count(best.atLevel, level)}`;
  if (sameSize.length === 1) {
    return { ok: true, pod: best.pod, reason: `${facts}; ${tie}, and ${best.pod.name} is the smallest of them.` };
  }
  return {
    ok: true,
    pod: best.pod,
    reason: `${facts}; ${tie} and ${count(best.size, 'member')}, and ${best.pod.name} comes first by name.`,
  };
}

function plural(word: string): string {
  return `${word}s`;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : plural(word)}`;
}
