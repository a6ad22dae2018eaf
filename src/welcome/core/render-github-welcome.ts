import type { PodView } from '../../pods';
import type { WelcomeConfig } from '../config';
import { fillTemplate } from './fill-template';

/** A matching pod, as the comment needs it. */
export type WelcomePod = Pick<PodView, 'name' | 'displayName' | 'area' | 'advocates'>;

/**
 * Names the pods an issue or PR belongs to and their advocates. On GitHub only linked advocates can be
 * @-mentioned; the others are pointed to on Slack. Empty when nothing matched.
 */
export function describePods(pods: readonly WelcomePod[]): string {
  if (pods.length === 0) return '';
  const lines = pods.map((pod) => {
    const logins = pod.advocates.map((a) => a.githubLogin).filter((login): login is string => Boolean(login));
    const who = logins.length ? `its advocate ${logins.map((login) => `@${login}`).join(', ')} will help you find your way` : 'its advocate on our Slack will help you find your way';
    return `This belongs to the **${pod.displayName}** Pod (${pod.area}): ${who}.`;
  });
  return `\n${lines.join('\n')}`;
}

/**
 * The welcome comment on someone's first issue or first PR: the configured template with the contributing guide,
 * the expected response time and the matching pods filled in.
 */
export function renderFirstContributionComment(
  config: WelcomeConfig,
  input: { kind: 'issue' | 'pr'; login: string; pods: readonly WelcomePod[] },
): string {
  const template = input.kind === 'issue' ? config.github.issueMessage : config.github.pullRequestMessage;
  return fillTemplate(template, {
    login: input.login,
    contributing: config.contributingUrl,
    responseTime: config.github.responseTime,
    pods: describePods(input.pods),
    community: config.community,
  });
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
