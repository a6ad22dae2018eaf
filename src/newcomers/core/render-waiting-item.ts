import { context, section, type SlackMessage } from '../../kit/slack/blocks';
import { escapeMrkdwn as escape, formatSlackDate, joinWithAnd } from '../../kit/slack/text';
import { formatAge } from './format-age';

export interface WaitingItemView {
  repo: string;
  number: number;
  kind: 'issue' | 'pr';
  authorLogin: string;
  firstTimer: boolean;
  title: string;
  url: string;
  openedAt: Date;
}

/** Who a message goes to, which decides its last line. */
export type Audience =
  | { kind: 'advocate'; pod: string }
  | { kind: 'pod-channel'; pod: string }
  | { kind: 'admins-no-pod' }
  | { kind: 'admins-escalation'; pods: readonly string[] };

export interface WaitingMessageInput {
  item: WaitingItemView;
  now: Date;
  /** The promise as podbot.yml states it, e.g. "2 working days". */
  within: string;
  audience: Audience;
}

function what(item: WaitingItemView): string {
  const noun = item.kind === 'pr' ? 'pull request' : 'issue';
  return item.firstTimer ? `first ${noun}` : noun;
}

/**
 * A DM or channel post about an item nobody but its author has answered: who, what, how long it has waited, and a
 * one-click link to it. Every text from GitHub is escaped.
 */
export function renderWaitingItem(input: WaitingMessageInput): SlackMessage {
  const { item, audience } = input;
  const age = formatAge(input.now.getTime() - item.openedAt.getTime());
  const link = `<${item.url}|${escape(item.repo)}#${item.number} ${escape(item.title)}>`;
  const escalation = audience.kind === 'admins-escalation';
  const lead = escalation
    ? `:rotating_light: *${escape(item.authorLogin)}*'s ${what(item)} has had no response for *${age}*, twice the ${escape(input.within)} we aim for:`
    : `:hourglass_flowing_sand: *${escape(item.authorLogin)}*'s ${what(item)} has waited *${age}* for a first response (we aim for ${escape(input.within)}):`;
  const why = whyYou(audience);
  return {
    text: `${item.authorLogin}'s ${what(item)} ${item.repo}#${item.number} has ${escalation ? 'had no response for' : 'waited'} ${age}`,
    blocks: [section(`${lead}\n${link}`), context(`Opened ${formatSlackDate(item.openedAt)}. Nobody but the author has commented or reviewed yet. ${why}`)],
  };
}

function whyYou(audience: Audience): string {
  switch (audience.kind) {
    case 'advocate':
      return `You advocate for the *${escape(audience.pod)}* Pod, whose area it is: a short human answer keeps a newcomer around.`;
    case 'pod-channel':
      return `It is in the *${escape(audience.pod)}* Pod's area: could someone here answer?`;
    case 'admins-no-pod':
      return 'No Pod matched it, so this comes to the admins: could someone answer?';
    case 'admins-escalation':
      return audience.pods.length
        ? `The ${joinWithAnd(audience.pods.map((pod) => `*${escape(pod)}*`))} Pod${audience.pods.length === 1 ? "'s" : "s'"} advocates were told at the first deadline.`
        : 'No Pod matched it; the admins were told at the first deadline.';
  }
}
