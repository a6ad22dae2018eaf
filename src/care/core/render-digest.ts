import { context, header, section, type SlackMessage } from '../../kit/slack/blocks';
import { escapeMrkdwn, formatSlackDate, listPeople } from '../../kit/slack/text';

export interface DigestItem {
  repo: string;
  number: number;
  kind: 'issue' | 'pr';
  /** Login of the author. */
  author: string;
  /** Days since it was opened (waiting items). */
  ageDays?: number;
}

export interface DigestInput {
  pod: { name: string; displayName: string };
  /** The week the digest covers ends here (the local date of the send). */
  weekOf: string;
  newMembers: readonly string[];
  /** GitHub logins of first-time contributors in the pod's area this week. */
  newContributors: readonly string[];
  /** Open PRs with no review yet, oldest first. */
  awaitingReview: readonly DigestItem[];
  /** Issues nobody but their author has answered, oldest first. */
  waitingIssues: readonly DigestItem[];
  mergedLastWeek: readonly DigestItem[];
  nextCall?: { name: string; start: Date; link?: string };
}

const SHOWN = 10;

function itemUrl(item: Pick<DigestItem, 'repo' | 'number' | 'kind'>): string {
  return `https://github.com/${item.repo}/${item.kind === 'pr' ? 'pull' : 'issues'}/${item.number}`;
}

function link(item: DigestItem): string {
  return `<${itemUrl(item)}|${escapeMrkdwn(`${item.repo}#${item.number}`)}>`;
}

function age(days: number | undefined): string {
  if (days === undefined) return '';
  return days === 0 ? ', opened today' : days === 1 ? ', waiting 1 day' : `, waiting ${days} days`;
}

function list(title: string, lines: readonly string[]): string | undefined {
  if (lines.length === 0) return undefined;
  const more = lines.length > SHOWN ? `\n…and ${lines.length - SHOWN} more` : '';
  return `*${title}*\n${lines.slice(0, SHOWN).map((line) => `• ${line}`).join('\n')}${more}`;
}

/**
 * A Pod's weekly digest for its channel. Sections with nothing in them are left out, and with nothing to report at
 * all there is no digest (undefined): the next call alone is not news for one Pod.
 */
export function renderDigest(input: DigestInput): SlackMessage | undefined {
  const sections = [
    list('New members', input.newMembers.length > 0 ? [listPeople(input.newMembers)] : []),
    list('New contributors', input.newContributors.map((login) => `${escapeMrkdwn(login)}, welcome!`)),
    list('Pull requests awaiting review (oldest first)', input.awaitingReview.map((item) => `${link(item)} by ${escapeMrkdwn(item.author)}${age(item.ageDays)}`)),
    list('Issues waiting for a first response', input.waitingIssues.map((item) => `${link(item)} by ${escapeMrkdwn(item.author)}${age(item.ageDays)}`)),
    list('Merged last week — thank you!', input.mergedLastWeek.map((item) => `${link(item)} by ${escapeMrkdwn(item.author)}`)),
  ].filter((text): text is string => text !== undefined);
  if (sections.length === 0) return undefined;
  const title = `${input.pod.displayName} Pod: the week to ${input.weekOf}`;
  const call = input.nextCall
    ? `Next community call: *${escapeMrkdwn(input.nextCall.name)}*, ${formatSlackDate(input.nextCall.start)}${input.nextCall.link ? ` · <${input.nextCall.link}|join>` : ''}`
    : undefined;
  return {
    text: `${title}. ${sections.map((text) => text.split('\n')[0].replace(/\*/g, '')).join(', ')}.`,
    blocks: [header(title), ...sections.map((text) => section(text)), ...(call ? [context(call)] : [])],
  };
}
