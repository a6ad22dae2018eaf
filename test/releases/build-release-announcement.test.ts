import { describe, expect, it } from 'vitest';
import type { SectionBlock } from '../../src/kit/slack/blocks';
import { buildReleaseAnnouncement } from '../../src/releases/core/announce/build-release-announcement';
import { aBigRelease, aSmallRelease } from './credits-builders';

const release = { name: 'v1.1.0 <Spring>', url: 'https://github.com/o/r/releases/tag/v1.1.0' };

describe('buildReleaseAnnouncement', () => {
  it('links the release, thanks everyone and highlights new contributors', () => {
    const messages = buildReleaseAnnouncement(aSmallRelease(), release);
    expect(messages).toEqual([
      {
        text: 'v1.1.0 &lt;Spring&gt; is out! Thank you to the 3 people who contributed.',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: ':tada: *<https://github.com/o/r/releases/tag/v1.1.0|v1.1.0 &lt;Spring&gt;>* is out!' } },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: 'Thank you to the 3 people who contributed:\n<@UALICE>, <https://github.com/bob|@bob>, Erin E',
            },
          },
          { type: 'divider' },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text:
                ':seedling: *A new contributor* made their first contribution — welcome!\n' +
                '<https://github.com/bob|@bob> (<https://github.com/o/r/pull/2|#2>)',
            },
          },
        ],
      },
    ]);
  });

  it('splits a huge release into messages of at most 50 blocks and sections of at most 3000 characters', () => {
    const messages = buildReleaseAnnouncement(aBigRelease(5000), release);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const block of message.blocks) {
        if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
      }
    }
    const allText = messages.flatMap((m) => m.blocks.filter((b): b is SectionBlock => b.type === 'section').map((b) => b.text.text)).join('\n');
    expect(allText).toContain('<https://github.com/contributor-0001|@contributor-0001>');
    expect(allText).toContain('<https://github.com/contributor-5000|@contributor-5000> (<https://github.com/o/r/pull/5000|#5000>)');
    expect(messages[1].text).toBe('v1.1.0 &lt;Spring&gt;: contributors (continued)');
  });
});
