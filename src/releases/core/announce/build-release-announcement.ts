import { divider, section, type DividerBlock, type SectionBlock, type SlackMessage } from '../../../kit/slack/blocks';
import { MESSAGE_BLOCK_LIMIT, SECTION_TEXT_LIMIT } from '../../../kit/slack/limits';
import { escapeMrkdwn, truncate } from '../../../kit/slack/text';
import type { Contributor, Credits, NewContributor } from '../../types';

export type AnnouncementBlock = SectionBlock | DividerBlock;

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
export function buildReleaseAnnouncement(credits: Credits, release: AnnouncementRelease): SlackMessage<AnnouncementBlock>[] {
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
    blocks.push(divider());
    const n = credits.newContributors.length;
    blocks.push(
      ...packSections(
        `:seedling: *${n === 1 ? 'A new contributor' : `${n} new contributors`}* made their first contribution — welcome!`,
        credits.newContributors.map(newContributorItem),
      ),
    );
  }

  const text = `${name} is out! Thank you to the ${count} ${count === 1 ? 'person' : 'people'} who contributed.`;
  const messages: SlackMessage<AnnouncementBlock>[] = [];
  for (let i = 0; i < blocks.length; i += MESSAGE_BLOCK_LIMIT) {
    messages.push({
      text: i === 0 ? text : `${name}: contributors (continued)`,
      blocks: blocks.slice(i, i + MESSAGE_BLOCK_LIMIT),
    });
  }
  return messages;
}

/**
 * A heading followed by a comma-separated list, split into sections within Slack's section limit. Measured in UTF-16
 * units, never fewer than the characters Slack counts, so a packed section always fits.
 */
function packSections(heading: string, items: readonly string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = `${heading}\n`;
  let first = true;
  for (const item of items) {
    const candidate = first ? current + item : `${current}, ${item}`;
    if (candidate.length <= SECTION_TEXT_LIMIT) {
      current = candidate;
      first = false;
      continue;
    }
    sections.push(section(current));
    // A single item cannot overflow in practice (logins are at most 39 characters); cut a freak trailer name.
    current = truncate(item, SECTION_TEXT_LIMIT);
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
