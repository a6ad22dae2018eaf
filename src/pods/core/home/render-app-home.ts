import { context, divider, header, HOME_BLOCK_LIMIT, section, type KnownBlock } from '../../../kit/slack/blocks';
import { podSummary } from './pod-summary';
import { escapeMrkdwn, formatSlackDate, mentionUser } from '../../../kit/slack/text';
import type { NextHeldCall } from '../../../calls';
import type { PodView } from '../types';

/** What the Home shows of the next call the calls capability says will be held (skipped dates are never next). */
export type CommunityCall = Pick<NextHeldCall, 'name' | 'start' | 'theme' | 'link'>;

/** Something that happened in a pod's area, for its advocates (an issue, a PR, a join…). */
export interface PodActivity {
  pod: string;
  /** Who did it, shown as a Slack mention before the title. */
  slackId?: string;
  /** Plain text (escaped when rendered, since issue titles come from anyone). */
  title: string;
  url?: string;
  at: Date;
}

export interface AppHomeInput {
  viewerSlackId: string;
  /** Every pod with its current members. */
  pods: readonly PodView[];
  nextCall: CommunityCall | undefined;
  now: Date;
  /** Recent activity in pods; shown to those pods' advocates. */
  activity?: readonly PodActivity[];
  /** How far back "recent newcomers" reaches. Default 30 days. */
  recentDays?: number;
  /** Sections other capabilities add for advocates (see PodExtension.homeSections), shown last. */
  extra?: readonly KnownBlock[];
}

export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}

const ACTIVITY_SHOWN = 10;

/**
 * The App Home tab (published with `views.publish` on `app_home_opened`): the viewer's pods with
 * members and advocates, the next community call, and for advocates the recent newcomers and
 * activity in their pods. https://api.slack.com/surfaces/app-home
 */
export function renderAppHome(input: AppHomeInput): HomeView {
  const { viewerSlackId, pods, nextCall, now } = input;
  const live = pods.filter((pod) => !pod.archived);
  const memberOf = live.filter((pod) => pod.members.some((member) => member.slackId === viewerSlackId));
  const advocateOf = live.filter((pod) => pod.advocates.some((advocate) => advocate.slackId === viewerSlackId));

  const blocks: KnownBlock[] = [header('Your pods')];
  if (memberOf.length === 0 && advocateOf.length === 0) {
    blocks.push(section('You are not in a pod yet. Run `/join-pod` to see them, or `/join-pod auto` to have one picked for you.'));
  }
  for (const pod of [...memberOf, ...advocateOf.filter((pod) => !memberOf.includes(pod))]) {
    blocks.push(section(podSummary(pod)));
    const members = pod.members.map((member) => `${mentionUser(member.slackId)} (${member.level})`).join(', ');
    blocks.push(context(pod.members.length > 0 ? `Members: ${members}` : 'No members yet.'));
  }

  blocks.push(divider(), header('Next community call'), section(renderCall(nextCall)));

  const recentSince = now.getTime() - (input.recentDays ?? 30) * 24 * 60 * 60 * 1000;
  for (const pod of advocateOf) {
    blocks.push(divider(), header(`Advocate: ${pod.displayName}`));
    const newcomers = pod.members
      .filter((member) => member.level === 'newcomer' && member.joinedAt.getTime() >= recentSince)
      .sort((a, b) => b.joinedAt.getTime() - a.joinedAt.getTime());
    blocks.push(
      section(
        newcomers.length > 0
          ? `*Recent newcomers*\n${newcomers.map((m) => `• ${mentionUser(m.slackId)}${m.githubLogin ? ` (GitHub: ${escapeMrkdwn(m.githubLogin)})` : ''}, joined ${formatSlackDate(m.joinedAt, '{date_short_pretty}')}`).join('\n')}`
          : '*Recent newcomers*\nNo newcomers joined recently.',
      ),
    );
    const activity = (input.activity ?? [])
      .filter((item) => item.pod === pod.name)
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, ACTIVITY_SHOWN);
    blocks.push(
      section(
        activity.length > 0
          ? `*Recent activity*\n${activity.map((item) => `• ${item.slackId ? `${mentionUser(item.slackId)} ` : ''}${item.url ? `<${item.url}|${escapeMrkdwn(item.title)}>` : escapeMrkdwn(item.title)} · ${formatSlackDate(item.at, '{date_short_pretty}')}`).join('\n')}`
          : '*Recent activity*\nNothing new in this pod’s area.',
      ),
    );
  }

  blocks.push(...(input.extra ?? []));

  // Slack rejects a Home view with more than 100 blocks; drop the tail rather than fail to publish.
  if (blocks.length > HOME_BLOCK_LIMIT) {
    blocks.length = HOME_BLOCK_LIMIT - 1;
    blocks.push(context('More is not shown here; `/pod` and `/pod info <name>` have the rest.'));
  }
  return { type: 'home', blocks };
}

function renderCall(call: CommunityCall | undefined): string {
  if (call === undefined) return 'No community call is scheduled yet.';
  const theme = call.theme ? `\nTheme: ${escapeMrkdwn(call.theme)}` : '';
  const link = call.link ? `\n<${call.link}|Join the call>` : '';
  return `*${escapeMrkdwn(call.name)}*, ${formatSlackDate(call.start)}${theme}${link}`;
}
