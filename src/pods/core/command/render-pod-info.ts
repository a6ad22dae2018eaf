import { context, section, type KnownBlock, type SlackMessage } from '../../../kit/slack/blocks';
import { podSummary } from '../home/pod-summary';
import { escapeMrkdwn, mentionUser } from '../../../kit/slack/text';
import { LEVELS, type PodView } from '../types';

/** `/pod info <name>`: the pod's area, labels, paths, channel, advocates and members by level. */
export function renderPodInfo(pod: PodView): SlackMessage {
  const lines = [podSummary(pod)];
  if (pod.archived) lines.unshift('_This pod is archived; its history is kept but it takes no new members._');
  if (pod.labels.length > 0) lines.push(`*Labels:* ${pod.labels.map((label) => `\`${escapeMrkdwn(label)}\``).join(', ')}`);
  if (pod.paths.length > 0) lines.push(`*Paths:* ${pod.paths.map((path) => `\`${escapeMrkdwn(path)}\``).join(', ')}`);
  const members =
    pod.members.length === 0
      ? '*Members:* nobody yet'
      : `*Members:*\n${LEVELS.map((level) => {
          const atLevel = pod.members.filter((member) => member.level === level);
          return atLevel.length > 0 ? `• ${level} (${atLevel.length}): ${atLevel.map((m) => mentionUser(m.slackId)).join(' ')}` : undefined;
        })
          .filter((line) => line !== undefined)
          .join('\n')}`;
  lines.push(members);
  const text = lines.join('\n');
  const blocks: KnownBlock[] = [section(text)];
  if (!pod.archived) blocks.push(context(`\`/join-pod ${pod.name}\` joins this pod.`));
  return { text, blocks };
}
