import { podMentionMarker, renderPodReach, type PlannedMention, type PodView } from '../../pods';
import type { WelcomeConfig } from '../config';
import { fillTemplate } from './fill-template';

/** A matching pod, as the comment needs it. */
export type WelcomePod = Pick<PodView, 'name' | 'displayName' | 'area' | 'advocates'>;

/**
 * Names the pods an issue or PR belongs to and their advocates. On GitHub only linked advocates can be
 * @-mentioned; the others are pointed to on Slack. Empty when nothing matched.
 */
export function describePods(pods: readonly WelcomePod[]): string {
  return describe(pods.map((pod) => ({ pod, cc: pod.advocates.map((a) => a.githubLogin).filter((login): login is string => Boolean(login)) })));
}

function describe(pods: readonly { pod: WelcomePod & { channel?: string }; cc: readonly string[]; note?: string }[], options: { reach?: boolean } = {}): string {
  if (pods.length === 0) return '';
  const lines = pods.map(({ pod, cc, note }) => {
    const who = cc.length ? `its advocate ${cc.map((login) => `@${login}`).join(', ')} will help you find your way` : 'its advocate on our Slack will help you find your way';
    return `This belongs to the **${pod.displayName}** Pod (${pod.area}): ${who}.${options.reach ? ` ${renderPodReach(pod)}` : ''}${note ? `\n${note}` : ''}`;
  });
  return `\n${lines.join('\n')}`;
}

/**
 * The welcome comment on someone's first issue or first PR: the configured template with the contributing guide,
 * the expected response time and the matching pods filled in.
 *
 * It is the only comment podbot writes when the issue or PR is opened, so with `mentions` (the pods it mentions,
 * claimed for it) it also does the pod mention's job: it names each pod, cc's the advocates, says how to reach the
 * pod, and starts with the pod mention marker. Without `mentions` it names `pods` as a plain welcome.
 */
export function renderFirstContributionComment(
  config: WelcomeConfig,
  input: { kind: 'issue' | 'pr'; login: string; pods: readonly WelcomePod[]; mentions?: readonly PlannedMention[] },
): string {
  const template = input.kind === 'issue' ? config.github.issueMessage : config.github.pullRequestMessage;
  const body = fillTemplate(template, {
    login: input.login,
    contributing: config.contributingUrl,
    responseTime: config.github.responseTime,
    pods: input.mentions ? describe(input.mentions, { reach: true }) : describePods(input.pods),
    community: config.community,
  });
  if (!input.mentions?.length) return body;
  return `${podMentionMarker(input.mentions.map((mention) => mention.pod.name))}\n${body}`;
}

/** The congratulation on a first merged PR, inviting the author to Slack and to a Pod. */
export function renderFirstMergeComment(config: WelcomeConfig, input: { login: string; pods: readonly WelcomePod[] }): string {
  const slack = config.slackInviteUrl ? `\nCome and meet the community on Slack: ${config.slackInviteUrl}` : '';
  const pods =
    input.pods.length > 0
      ? `\nYour change belongs to the ${input.pods.map((pod) => `**${pod.displayName}** Pod`).join(' and ')}: on Slack, \`/join-pod ${input.pods[0].name}\` makes you a member.`
      : '\nOn Slack, `/join-pod` lets you pick a Pod: a small group around one area of the project, with an advocate who helps newcomers.';
  return fillTemplate(config.github.mergedMessage, {
    login: input.login,
    slack,
    pods,
    contributing: config.contributingUrl,
    community: config.community,
  });
}
