import { describe, expect, it } from 'vitest';
import { button, context, header, section } from '../../src/kit/slack/blocks';
import { BUTTON_TEXT_LIMIT, HEADER_TEXT_LIMIT, SECTION_TEXT_LIMIT } from '../../src/kit/slack/limits';
import { escapeMrkdwn, truncate } from '../../src/kit/slack/text';

/** Characters as Slack counts them: code points. */
const characters = (text: string) => [...text].length;
/** A lone UTF-16 surrogate, which is what cutting an emoji in half leaves behind. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('the Slack kit', () => {
  it('leaves text within the limit alone and cuts longer text to the limit, ending in …', () => {
    expect(truncate('short', 5)).toBe('short');
    expect(truncate('longer', 5)).toBe('long…');
    expect(truncate('x'.repeat(SECTION_TEXT_LIMIT + 1), SECTION_TEXT_LIMIT)).toHaveLength(SECTION_TEXT_LIMIT);
  });

  it('counts an emoji as one character and never cuts one in half', () => {
    // 5 characters, 10 UTF-16 units: within a limit of 5 although its .length is 10.
    expect(truncate('🎉🎉🎉🎉🎉', 5)).toBe('🎉🎉🎉🎉🎉');
    expect(truncate('🎉🎉🎉🎉🎉🎉', 5)).toBe('🎉🎉🎉🎉…');
    // A cut that would fall between the two halves of 😀 (a UTF-16 slice(0, 2) keeps "a" and half of it).
    expect(truncate('a😀bcd', 3)).toBe('a😀…');
    for (let limit = 1; limit <= 12; limit++) {
      const cut = truncate('a😀b𝒳c🎉'.repeat(3), limit);
      expect(cut).not.toMatch(loneSurrogate);
      expect(characters(cut)).toBeLessThanOrEqual(limit);
    }
  });

  it('keeps every builder within Slack’s limit for its field, in characters', () => {
    const long = '🚀'.repeat(5000);
    const sectionText = (section(long) as { text: { text: string } }).text.text;
    expect(characters(sectionText)).toBe(SECTION_TEXT_LIMIT);
    expect(sectionText).not.toMatch(loneSurrogate);
    expect(characters((header(long) as { text: { text: string } }).text.text)).toBe(HEADER_TEXT_LIMIT);
    expect(characters(button(long, 'a', 'v').text.text)).toBe(BUTTON_TEXT_LIMIT);
    const contextText = (context(long) as { elements: { text: string }[] }).elements[0].text;
    expect(characters(contextText)).toBe(SECTION_TEXT_LIMIT);
  });

  it('escapes the three characters Slack reads as control characters', () => {
    expect(escapeMrkdwn('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
  });
});
