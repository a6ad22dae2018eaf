import { section, type SlackMessage } from '../../../kit/slack/blocks';
import { escapeMrkdwn, mentionUser } from '../../../kit/slack/text';
import type { Level, PodView } from '../types';

export interface Joiner {
  slackId: string;
  githubLogin?: string;
  level: Level;
}

/**
 * The DM an advocate gets when someone joins their pod: who, their level, their GitHub login if linked.
 * Pass the pod as it is after the join, so the size counts the newcomer, or pass `memberCount`: the
 * count the join transaction saw, which stays right when several people join at once.
 */
export function renderAdvocateHandoff(pod: PodView, joiner: Joiner, memberCount = pod.members.length): SlackMessage {
  const github = joiner.githubLogin
    ? `<https://github.com/${encodeURIComponent(joiner.githubLogin)}|${escapeMrkdwn(joiner.githubLogin)}>`
    : 'not linked yet (they can run `/link-github <login>`)';
  const nudge =
    joiner.level === 'newcomer'
      ? 'They are new here: a hello and a good first issue in your area go a long way.'
      : 'A hello helps them find their way into the pod.';
  const text =
    `${mentionUser(joiner.slackId)} joined the *${escapeMrkdwn(pod.displayName)}* pod, which you advocate.\n` +
    `• Level: ${joiner.level}\n• GitHub: ${github}\n• Pod size: ${memberCount}/${pod.capacity}\n${nudge}`;
  return { text, blocks: [section(text)] };
}
