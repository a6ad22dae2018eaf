import type { Contributor, Credits, NewContributor } from './types';

// Block Kit limits, https://api.slack.com/reference/block-kit/blocks:
// "You can include up to 50 blocks in each message", and a section block's `text` is at most 3000 characters
// (https://api.slack.com/reference/block-kit/blocks#section).
export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION_CHARS = 3000;

export interface SectionBlock {
  type: 'section';
  text: { type: 'mrkdwn'; text: string };
}
export interface DividerBlock {
  type: 'divider';
}
export type AnnouncementBlock = SectionBlock | DividerBlock;

export interface SlackMessage {
  /** Notification and accessibility fallback (https://api.slack.com/methods/chat.postMessage#arg_text). */
  text: string;
  blocks: AnnouncementBlock[];
}

export interface AnnouncementRelease {
  /** The release's name, or its tag when it has none. */
  name: string;
  /** The release's html_url. */
  url: string;
}

/**
 * Builds the Slack announcement: release name and link, thanks with the count, and the new contributors
 * highlighted. Linked contributors are mentioned (`<@U…>`), everyone else links to their GitHub profile.
 * Long releases become several messages, each within Slack's block and section limits, posted in order.
 */
export function buildReleaseAnnouncement(credits: Credits, release: AnnouncementRelease): SlackMessage[] {
  const name = escapeMrkdwn(release.name);
  const count = credits.contributors.length;
  const blocks: AnnouncementBlock[] = [section(`:tada: *<${release.url}|${name}>* is out!`)];

  if (count > 0) {
    blocks.push(
      ...packSections(
        `Thank you to the ${count} ${count === 1 ? 'person' : 'people'} who contributed:`,
        credits.contributors.map(slackMention),
      ),
    );
  }
  if (credits.newContributors.length > 0) {
    blocks.push({ type: 'divider' });
    const n = credits.newContributors.length;
    blocks.push(
      ...packSections(
        `:seedling: *${n === 1 ? 'A new contributor' : `${n} new contributors`}* made their first contribution — welcome!`,
        credits.newContributors.map(newContributorItem),
      ),
    );
  }

  const text = `${name} is out! Thank you to the ${count} ${count === 1 ? 'person' : 'people'} who contributed.`;
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += SLACK_MAX_BLOCKS) {
    messages.push({
      text: i === 0 ? text : `${name}: contributors (continued)`,
      blocks: blocks.slice(i, i + SLACK_MAX_BLOCKS),
    });
  }
  return messages;
}

/** A heading followed by a comma-separated list, split into sections of at most 3000 characters. */
function packSections(heading: string, items: readonly string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = `${heading}\n`;
  let first = true;
  for (const item of items) {
    const candidate = first ? current + item : `${current}, ${item}`;
    if (candidate.length <= SLACK_MAX_SECTION_CHARS) {
      current = candidate;
      first = false;
      continue;
    }
    sections.push(section(current));
    // A single item cannot overflow in practice (logins are at most 39 characters); cut a freak trailer name.
    current = item.slice(0, SLACK_MAX_SECTION_CHARS);
    first = false;
  }
  sections.push(section(current));
  return sections;
}

function slackMention(c: Contributor): string {
  if (c.slackId) return `<@${c.slackId}>`;
  if (c.isLogin) return githubLink(c.handle);
  return escapeMrkdwn(c.handle);
}

function newContributorItem(n: NewContributor): string {
  const who = n.slackId ? `<@${n.slackId}>` : githubLink(n.login);
  return `${who} (<${n.prUrl}|#${n.prNumber}>)`;
}

function githubLink(login: string): string {
  return `<https://github.com/${encodeURIComponent(login)}|@${escapeMrkdwn(login)}>`;
}

// https://api.slack.com/reference/surfaces/formatting#escaping
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
