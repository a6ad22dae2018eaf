import { describe, expect, it } from 'vitest';
import type { SectionBlock } from '../../src/kit/slack/blocks';
import { buildReleaseAnnouncement } from '../../src/releases/core/announce/build-release-announcement';
import { renderCreditsBlock } from '../../src/releases/core/body/render-credits-block';
import { computeCredits } from '../../src/releases/core/credits/compute-credits';
import { parseCoAuthors } from '../../src/releases/core/credits/parse-co-authors';
import type { GatheredPr } from '../../src/releases/types';

// Trailers anyone can write into a commit of their PR.
const HOSTILE_TRAILERS = [
  'Co-authored-by: @org/security-team <x@example.com>',
  'Co-authored-by: [x](https://evil.example) <y@example.com>',
  'Co-authored-by: ![img](https://evil.example/p.png) <z@example.com>',
  'Co-authored-by: Mallory <org/security-team@users.noreply.github.com>',
  'Co-authored-by: Trudy <[t](https://evil.example)@users.noreply.github.com>',
  'Co-authored-by: **bold** see #1 www.evil.example <w@example.com>',
].join('\n');

const pr: GatheredPr = {
  number: 7,
  title: 'Harmless change',
  url: 'https://github.com/o/r/pull/7',
  authorLogin: 'alice',
  body: '',
  labels: [],
  files: [],
  mergedAt: '2025-01-01T00:00:00Z',
  commits: [{ sha: 'c7', message: `Harmless change\n\n${HOSTILE_TRAILERS}`, authorName: 'Alice', authorEmail: 'alice@example.com', authorLogin: 'alice' }],
};

const credits = computeCredits({
  release: { owner: 'o', repo: 'r', tag: 'v1.1.0', previousTag: 'v1.0.0' },
  prs: [pr],
  pods: [],
  firstTimers: new Map(),
  linkedSlackIds: new Map(),
});

describe('co-author trailers that are not GitHub logins', () => {
  it('maps a noreply address to a login only when its local part is a login GitHub could have issued', () => {
    expect(parseCoAuthors(HOSTILE_TRAILERS).map((c) => [c.name, c.login])).toEqual([
      ['@org/security-team', null],
      ['[x](https://evil.example)', null],
      ['![img](https://evil.example/p.png)', null],
      ['Mallory', null],
      ['Trudy', null],
      ['**bold** see #1 www.evil.example', null],
    ]);
    expect(parseCoAuthors('Co-authored-by: R <2+renovate[bot]@users.noreply.github.com>\nCo-authored-by: B <3+Bob-1@users.noreply.github.com>').map((c) => c.login)).toEqual([
      'renovate[bot]',
      'Bob-1',
    ]);
  });

  it('credits them as plain text in the release body: no mention, link, image, emphasis or reference', () => {
    const block = renderCreditsBlock(credits);
    const line = block.split('\n').find((l) => l.startsWith('Contributors: ')) ?? '';
    expect(line.startsWith('Contributors: ')).toBe(true);
    // What GitHub would act on: a raw @login or @org/team, a Markdown link or image, emphasis, a #N, a bare URL.
    expect(line.replace('@alice', '')).not.toMatch(/(^|[^\\])@[A-Za-z0-9]/);
    expect(line).not.toMatch(/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/);
    expect(line).not.toMatch(/(^|[^\\])\*\*/);
    expect(line).not.toMatch(/(^|[^\\])#\d/);
    expect(line).not.toMatch(/https:\/\/|www\./);
    expect(line).toContain('@alice');
    expect(line).toContain('Mallory');
    expect(line).toContain('Trudy');
    expect(line).toContain('\\@\u2060org/security-team');
    expect(line).toContain('\\[x\\]\\(https\\[:\\]//evil.example\\)');
  });

  it('keeps the markers of the block unforgeable and every name on its line', () => {
    const sneaky = computeCredits({
      ...{ release: credits.release, pods: [], firstTimers: new Map(), linkedSlackIds: new Map() },
      prs: [{ ...pr, commits: [{ ...pr.commits[0], message: 'x\n\nCo-authored-by: <!-- podbot:credits:end --> <e@example.com>' }] }],
    });
    const block = renderCreditsBlock(sneaky);
    expect(block.match(/<!-- podbot:credits:end -->/g)).toHaveLength(1);
  });

  it('escapes names and the release name in the Slack announcement, in text and in blocks', () => {
    const slackHostile = computeCredits({
      ...{ release: credits.release, pods: [], firstTimers: new Map(), linkedSlackIds: new Map() },
      prs: [{ ...pr, commits: [{ ...pr.commits[0], message: 'x\n\nCo-authored-by: <!channel> <https://evil.example|click> <e@example.com>' }] }],
    });
    const [message] = buildReleaseAnnouncement(slackHostile, { name: 'v1 <!here> <https://evil.example|x>', url: 'https://github.com/o/r/releases/tag/v1' });
    const texts = [message.text, ...message.blocks.filter((b): b is SectionBlock => b.type === 'section').map((b) => b.text.text)];
    for (const text of texts) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<!here>');
      expect(text).not.toContain('<https://evil.example');
    }
    expect(message.text).toContain('v1 &lt;!here&gt; &lt;https://evil.example|x&gt;');
    expect(texts.join('\n')).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
  });
});
