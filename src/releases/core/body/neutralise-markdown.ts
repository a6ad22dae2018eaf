// Text from a `Co-authored-by:` trailer is written by whoever made the commit, and ends up in a release body that
// GitHub renders and that notifies the people and teams it mentions. A name that is not a resolved login must be
// shown as the characters it is and do nothing else: no link, no image, no emphasis, no HTML, no @mention of a
// user or team, no #reference.

/**
 * ASCII punctuation that starts or ends a Markdown construct inline: links and images (`[`, `]`, `(`, `)`, `!`),
 * emphasis and strikethrough (`*`, `_`, `~`), code (`` ` ``), autolinks and HTML (`<`, `>`), entities (`&`),
 * tables (`|`), escapes themselves (`\`), plus `@` and `#`. A backslash before ASCII punctuation always makes it
 * literal (https://github.github.com/gfm/#backslash-escapes).
 */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()<>!|~&@#]/g;

/** U+2060 WORD JOINER: invisible, takes no room, and is no login or number character. */
const WORD_JOINER = '\u2060';

/**
 * `text` as plain Markdown text. Besides the backslash escapes:
 * - GitHub finds @mentions and #references in the rendered text, after Markdown, where a backslash is gone, so
 *   `@` and `#` are also followed by a word joiner, which no login, team or issue number can start with.
 * - GitHub's autolink extension links bare `https://…` and `www.…` in rendered text too
 *   (https://github.github.com/gfm/#autolinks-extension-), so their scheme and `www.` are defanged visibly:
 *   `https[:]//`, `www[.]` (a person's name never holds either).
 * - Line breaks become spaces, so the text stays on its line.
 */
export function neutraliseMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/:\/\//g, '[:]//')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}[.]`)
    .replace(MARKDOWN_PUNCTUATION, (c) => (c === '@' || c === '#' ? `\\${c}${WORD_JOINER}` : `\\${c}`));
}
