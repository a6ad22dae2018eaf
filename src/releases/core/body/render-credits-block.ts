import { joinWithAnd } from '../../../kit/slack/text';
import { neutraliseMarkdown } from './neutralise-markdown';
import type { Contributor, CreditSection, Credits, NewContributor } from '../../types';

export const CREDITS_START = '<!-- podbot:credits:start -->';
export const CREDITS_END = '<!-- podbot:credits:end -->';

/**
 * How much of the PR lists to show. Used in this order to stay under the release body limit;
 * every level keeps every contributor's name.
 * - `full`: every PR as a line, like GitHub's generated notes (`* Title by @user in https://…/pull/N`).
 * - `details`: the lines folded into `<details>` and written with `#N`, which GitHub autolinks in release
 *   bodies; that saves the URL's ~40 characters per PR, more than the fold costs.
 * - `counts`: "12 pull requests" instead of the lines, and new contributors on one line.
 */
export type CollapseLevel = 'full' | 'details' | 'counts';
export const COLLAPSE_LEVELS: readonly CollapseLevel[] = ['full', 'details', 'counts'];

/** Renders the marked markdown block for a release body, markers included, without a trailing newline. */
export function renderCreditsBlock(credits: Credits, level: CollapseLevel = 'full'): string {
  const { owner, repo, tag, previousTag } = credits.release;
  const lines: string[] = [CREDITS_START, '## Contributors', ''];

  const count = credits.contributors.length;
  lines.push(
    count === 0
      ? 'No human contributions were credited in this release.'
      : `Thank you to the ${count} ${count === 1 ? 'person' : 'people'} who contributed to this release! 🎉`,
    '',
  );

  for (const pod of credits.pods) {
    lines.push(`### ${plain(pod.displayName)} pod`, '');
    lines.push(...renderSection(pod, level));
    const named = pod.advocates.filter((a) => a.githubLogin).map((a) => `@${a.githubLogin}`);
    lines.push(
      named.length > 0
        ? `Shout-out to ${joinWithAnd(named)}, ${named.length === 1 ? 'advocate' : 'advocates'} of the ${plain(pod.displayName)} pod, for welcoming and guiding its contributors. 🙌`
        : `Shout-out to the ${plain(pod.displayName)} pod's advocates for welcoming and guiding its contributors. 🙌`,
      '',
    );
  }

  if (credits.everyoneElse.pullRequests.length > 0) {
    lines.push(credits.pods.length > 0 ? '### Everyone else' : '### Pull requests', '');
    lines.push(...renderSection(credits.everyoneElse, level));
  }

  if (credits.newContributors.length > 0) {
    lines.push('### New contributors', '');
    if (level === 'counts') {
      lines.push(`Welcome! ${credits.newContributors.map((n) => `@${n.login} (#${n.prNumber})`).join(', ')}`, '');
    } else {
      lines.push(...credits.newContributors.map(renderNewContributor), '');
    }
  }

  // GitHub's generated notes end with this line; a first release links the tag's history instead.
  lines.push(
    previousTag
      ? `**Full Changelog**: https://github.com/${owner}/${repo}/compare/${previousTag}...${tag}`
      : `**Full Changelog**: https://github.com/${owner}/${repo}/commits/${tag}`,
  );
  lines.push(CREDITS_END);
  return lines.join('\n');
}

function renderSection(section: CreditSection, level: CollapseLevel): string[] {
  const n = section.pullRequests.length;
  const countText = `${n} pull ${n === 1 ? 'request' : 'requests'}`;
  const prLines = section.pullRequests.map(
    (pr) =>
      `* ${plain(pr.title)}${pr.authorLogin ? ` by @${pr.authorLogin}` : ''} in ${level === 'full' ? pr.url : `#${pr.number}`}`,
  );
  const lines: string[] = [];
  if (level === 'full') lines.push(...prLines, '');
  else if (level === 'details') lines.push('<details>', `<summary>${countText}</summary>`, '', ...prLines, '', '</details>', '');
  else lines.push(`${countText}.`, '');
  if (section.contributors.length > 0) {
    lines.push(`Contributors: ${section.contributors.map(mention).join(', ')}`, '');
  }
  return lines;
}

// GitHub's own convention in generated release notes.
function renderNewContributor(n: NewContributor): string {
  return `* @${n.login} made their first contribution in ${n.prUrl}`;
}

function mention(c: Contributor): string {
  // A handle that is not a resolved login is a name from a trailer: credited as text, never as markup.
  return c.isLogin ? `@${c.handle}` : neutraliseMarkdown(c.handle);
}

/**
 * Text from PR titles and commit trailers is written by anyone: it must not be able to forge our markers,
 * which would let a later run cut human text. Titles otherwise stay verbatim, as in GitHub's own notes
 * (escaping every `<` would garble titles like "support `Map<K, V>`").
 */
function plain(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/<!--/g, '&lt;!--').replace(/-->/g, '--&gt;');
}
