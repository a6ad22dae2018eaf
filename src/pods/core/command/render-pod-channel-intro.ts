import { section, type SlackMessage } from '../../../kit/slack/blocks';
import type { Joiner } from '../join/render-advocate-handoff';
import { escapeMrkdwn, listPeople, mentionUser } from '../../../kit/slack/text';
import type { PodView } from '../types';

/** The short note in the pod's channel when someone joins. `memberCount` as in renderAdvocateHandoff. */
export function renderPodChannelIntro(pod: PodView, joiner: Joiner, memberCount = pod.members.length): SlackMessage {
  const github = joiner.githubLogin ? ` (GitHub: ${escapeMrkdwn(joiner.githubLogin)})` : '';
  const advocates = pod.advocates.length > 0 ? ` ${listPeople(pod.advocates.map((a) => a.slackId))} ${pod.advocates.length === 1 ? 'is' : 'are'} the pod's advocate${pod.advocates.length === 1 ? '' : 's'}.` : '';
  const text = `:wave: Welcome ${mentionUser(joiner.slackId)}${github}, who joined *${escapeMrkdwn(pod.displayName)}* as a ${joiner.level}. The pod is now ${memberCount}/${pod.capacity}.${advocates}`;
  return { text, blocks: [section(text)] };
}
