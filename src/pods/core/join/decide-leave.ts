import { suggestPodName } from '../command/suggest-pod-name';
import type { PodView } from '../types';

export type LeaveDecision = { ok: true; pod: PodView } | { ok: false; message: string };

/** Which pod `/pod leave [name]` leaves, or why it cannot. */
export function decideLeave(request: { name?: string; slackId: string; pods: readonly PodView[] }): LeaveDecision {
  const { name, slackId, pods } = request;
  const mine = pods.filter((pod) => !pod.archived && pod.members.some((member) => member.slackId === slackId));
  const mineList = mine.map((pod) => `\`${pod.name}\``).join(', ');

  if (name === undefined) {
    if (mine.length === 0) return { ok: false, message: 'You are not in any pod. `/join-pod` shows the pods you can join.' };
    if (mine.length === 1) return { ok: true, pod: mine[0] };
    return { ok: false, message: `You are in ${mineList}. Say which one to leave, like \`/pod leave ${mine[0].name}\`.` };
  }

  const pod = pods.find((candidate) => candidate.name === name);
  if (pod === undefined) {
    const suggestion = suggestPodName(name, mine.length > 0 ? mine.map((p) => p.name) : pods.map((p) => p.name));
    const hint = suggestion ? ` Did you mean \`/pod leave ${suggestion}\`?` : '';
    return { ok: false, message: `There is no pod called \`${name}\`.${hint}` };
  }
  if (!mine.includes(pod)) {
    const yours = mine.length > 0 ? ` Your pods: ${mineList}.` : ' You are not in any pod.';
    return { ok: false, message: `You are not in the ${pod.displayName} pod, so there is nothing to leave.${yours}` };
  }
  return { ok: true, pod };
}
