import { JOIN_POD_ACTION } from '../action-ids';
import { button, section, type SlackMessage } from '../../../kit/slack/blocks';
import type { JoinDecision } from './decide-join';
import type { AlternativePod } from './find-alternative-pod';
import { escapeMrkdwn } from '../../../kit/slack/text';
import type { PodView } from '../types';

type Refusal = Exclude<JoinDecision, { ok: true } | { reason: 'needs-switch-confirmation' }>;

/** Why someone cannot join `pod`, and what would work instead (with a Join button for it). */
export function renderJoinRefusal(pod: PodView, decision: Refusal): SlackMessage {
  const name = `*${escapeMrkdwn(pod.displayName)}*`;
  if (decision.reason === 'already-member') {
    const text = `You are already in the ${name} pod. \`/pod\` shows your pods.`;
    return { text, blocks: [section(text)] };
  }
  const problem =
    decision.reason === 'full'
      ? `The ${name} pod is full (${pod.members.length}/${pod.capacity}).`
      : `The ${name} pod is archived and takes no new members.`;
  const alternative = decision.alternative;
  if (alternative === undefined) {
    const text = `${problem} No other pod has room right now; ask its advocate or try again later.`;
    return { text, blocks: [section(text)] };
  }
  const text = `${problem} ${suggestion(alternative)}`;
  return {
    text,
    blocks: [section(text, button(`Join ${alternative.pod.displayName}`, JOIN_POD_ACTION, alternative.pod.name, 'primary'))],
  };
}

function suggestion(alternative: AlternativePod): string {
  const pod = alternative.pod;
  const size = `${pod.members.length}/${pod.capacity}`;
  const target = `*${escapeMrkdwn(pod.displayName)}* (\`${pod.name}\`, ${size})`;
  switch (alternative.because) {
    case 'shared-labels':
      return `${target} has room and also covers ${alternative.shared.map((label) => `\`${escapeMrkdwn(label)}\``).join(', ')}.`;
    case 'similar-area':
      return `${target} has room and works on a similar area (${alternative.shared.join(', ')}).`;
    case 'smallest-open':
      return `${target} has the most room of the open pods.`;
  }
}
