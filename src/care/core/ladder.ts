import { actions, button, header, section, type SlackMessage } from '../../kit/slack/blocks';
import { escapeMrkdwn, mentionUser } from '../../kit/slack/text';

export type SuggestionKind = 'promote' | 'inactive' | 'single-person';

export interface LadderPod {
  name: string;
  displayName: string;
  members: readonly { slackId: string; login?: string; level: string; joinedAt: Date }[];
}

/** Merged PRs and reviews of one person in one pod's area in the window. */
export interface AreaActivity {
  pod: string;
  login: string;
  mergedPrs: number;
  reviews: number;
}

export interface LadderSettings {
  windowDays: number;
  promoteMergedPrs: number;
  promoteReviews: number;
  singlePersonShare: number;
  singlePersonMinActivity: number;
}

export interface Suggestion {
  kind: SuggestionKind;
  podName: string;
  /** GitHub login (promote, single-person) or Slack user id (inactive). */
  subject: string;
  reason: string;
}

const DAY_MS = 86_400_000;

/**
 * Contributor-ladder suggestions, worked out from plain data; nothing is changed, people decide.
 * - promote: someone (not a maintainer already) with enough merged PRs and reviews in the pod's area;
 * - inactive: a member who joined before the window and has done nothing seen in it;
 * - single-person: a pod whose merged PRs and reviews in the window are mostly one person's.
 */
export function suggestLadderChanges(input: { pods: readonly LadderPod[]; activity: readonly AreaActivity[]; lastActive: ReadonlyMap<string, Date>; settings: LadderSettings; now: Date }): Suggestion[] {
  const { settings } = input;
  const windowStart = input.now.getTime() - settings.windowDays * DAY_MS;
  const days = `${settings.windowDays} days`;
  const suggestions: Suggestion[] = [];
  for (const pod of input.pods) {
    const maintainers = new Set(pod.members.filter((member) => member.level === 'maintainer' && member.login).map((member) => member.login!.toLowerCase()));
    const rows = input.activity.filter((row) => row.pod === pod.name).sort((a, b) => b.mergedPrs + b.reviews - (a.mergedPrs + a.reviews) || a.login.localeCompare(b.login));
    for (const row of rows) {
      if (maintainers.has(row.login.toLowerCase())) continue;
      if (row.mergedPrs >= settings.promoteMergedPrs && row.reviews >= settings.promoteReviews) {
        suggestions.push({ kind: 'promote', podName: pod.name, subject: row.login, reason: `${row.login}: ${row.mergedPrs} merged PRs and ${row.reviews} reviews in ${pod.displayName} in ${days}` });
      }
    }
    for (const member of pod.members) {
      if (!member.login || member.joinedAt.getTime() >= windowStart) continue;
      const last = input.lastActive.get(member.login.toLowerCase());
      if (last && last.getTime() >= windowStart) continue;
      suggestions.push({ kind: 'inactive', podName: pod.name, subject: member.slackId, reason: `${mentionUser(member.slackId)} (${member.login}): nothing seen in ${days}; check in, or move to emeritus` });
    }
    const total = rows.reduce((sum, row) => sum + row.mergedPrs + row.reviews, 0);
    const top = rows[0];
    if (top && total >= settings.singlePersonMinActivity && (top.mergedPrs + top.reviews) / total >= settings.singlePersonShare) {
      suggestions.push({ kind: 'single-person', podName: pod.name, subject: top.login, reason: `${pod.displayName} rests on ${top.login}: ${top.mergedPrs + top.reviews} of ${total} merged PRs and reviews in ${days}` });
    }
  }
  return suggestions;
}

export const LADDER_DISMISS = 'care_ladder_dismiss';
export const LADDER_SNOOZE = 'care_ladder_snooze';

const TITLES: Record<SuggestionKind, string> = { promote: 'Ready for more', inactive: 'Quiet lately', 'single-person': 'Resting on one person' };

/** The monthly DM: one section per suggestion with Dismiss and Remind me in a month. */
export function renderLadderMessage(suggestions: readonly (Suggestion & { id: number })[]): SlackMessage {
  const blocks = [header('Contributor ladder: suggestions for this month')];
  for (const suggestion of suggestions) {
    blocks.push(section(`*${TITLES[suggestion.kind]}* · ${escapeMrkdwn(suggestion.reason).replace(/&lt;@([UW][A-Z0-9]+)&gt;/g, '<@$1>')}`));
    blocks.push(actions(`care_ladder_${suggestion.id}`, [button('Dismiss', LADDER_DISMISS, String(suggestion.id)), button('Remind me in a month', LADDER_SNOOZE, String(suggestion.id))]));
  }
  return { text: `Contributor ladder: ${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} for this month. Nothing changes unless you act.`, blocks };
}
