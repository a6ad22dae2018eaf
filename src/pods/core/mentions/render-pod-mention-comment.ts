import type { PlannedMention } from './plan-pod-mentions';
import { podMentionMarker } from './pod-mention-marker';
import { joinWithAnd } from '../../../kit/slack/text';

/**
 * Opens a Slack channel from a browser, in the app or on the web.
 * https://api.slack.com/reference/deep-linking#app_channel
 */
export function slackChannelLink(channelId: string, teamId?: string): string {
  return `https://slack.com/app_redirect?channel=${encodeURIComponent(channelId)}${teamId ? `&team=${encodeURIComponent(teamId)}` : ''}`;
}

/**
 * One GitHub comment covering every pod mentioned now: which Pod(s) the issue or PR belongs to,
 * cc of the advocates' GitHub logins, and how to reach each Pod. Starts with a hidden marker
 * listing the pods, so they are never mentioned twice (see readPodMentionMarker).
 */
export function renderPodMentionComment(mentions: readonly PlannedMention[], options: { slackTeamId?: string } = {}): string {
  if (mentions.length === 0) throw new Error('renderPodMentionComment needs at least one pod; check planPodMentions first');
  const marker = podMentionMarker(mentions.map((mention) => mention.pod.name));
  const names = joinWithAnd(mentions.map((mention) => `**${mention.pod.displayName}**`));

  if (mentions.length === 1) {
    const [mention] = mentions;
    return [
      marker,
      `This belongs to the ${names} Pod: ${asSentence(mention.pod.area)}`,
      '',
      ...(mention.cc.length > 0 ? [`cc ${mention.cc.map((login) => `@${login}`).join(' ')}`, ''] : []),
      ...(mention.note ? [mention.note, ''] : []),
      renderPodReach(mention.pod, options.slackTeamId),
    ].join('\n');
  }

  return [
    marker,
    `This belongs to the ${names} Pods.`,
    '',
    ...mentions.map((mention) => {
      const cc = mention.cc.length > 0 ? ` cc ${mention.cc.map((login) => `@${login}`).join(' ')}.` : '';
      const note = mention.note ? `\n  ${mention.note}` : '';
      return `- **${mention.pod.displayName}**: ${asSentence(mention.pod.area)}${cc} ${renderPodReach(mention.pod, options.slackTeamId)}${note}`;
    }),
  ].join('\n');
}

/** How to reach a pod from GitHub: its Slack channel if it has one, and `/join-pod`. */
export function renderPodReach(pod: Pick<PlannedMention['pod'], 'name' | 'channel'>, teamId?: string): string {
  const join = `\`/join-pod ${pod.name}\``;
  return pod.channel
    ? `Reach the Pod in [its Slack channel](${slackChannelLink(pod.channel, teamId)}), or join it with ${join} in Slack.`
    : `Reach the Pod by joining it with ${join} in Slack.`;
}

/** Area descriptions are written as labels or sentences; end them with a full stop so text can follow. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
