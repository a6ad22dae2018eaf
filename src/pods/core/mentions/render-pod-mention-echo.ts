import { section, type SlackMessage } from '../../../kit/slack/blocks';
import { escapeMrkdwn } from '../../../kit/slack/text';
import type { PodView } from '../types';

export interface MentionedItem {
  kind: 'issue' | 'pr';
  repo: string;
  number: number;
  title: string;
  url: string;
  author: string;
}

/** The note in a pod's Slack channel when an issue or PR in its area was mentioned on GitHub. */
export function renderPodMentionEcho(pod: Pick<PodView, 'displayName'>, item: MentionedItem): SlackMessage {
  const what = item.kind === 'pr' ? 'a pull request' : 'an issue';
  const link = `<${item.url}|${escapeMrkdwn(item.repo)}#${item.number}: ${escapeMrkdwn(item.title)}>`;
  const text = `:mag: ${what[0].toUpperCase()}${what.slice(1)} in the *${escapeMrkdwn(pod.displayName)}* pod's area, by ${escapeMrkdwn(item.author)}: ${link}`;
  return { text, blocks: [section(text)] };
}
