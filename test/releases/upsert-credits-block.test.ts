import { describe, expect, it } from 'vitest';
import { upsertCreditsBlock } from '../../src/releases/core/body/upsert-credits-block';

const block = (text: string) => `<!-- podbot:credits:start -->\n${text}\n<!-- podbot:credits:end -->`;

describe('upsertCreditsBlock', () => {
  it('appends the block after a blank line', () => {
    expect(upsertCreditsBlock('## Highlights\n* faster', block('A'))).toEqual({
      body: `## Highlights\n* faster\n\n${block('A')}`,
      changed: true,
    });
    expect(upsertCreditsBlock('Notes\n', block('A')).body).toBe(`Notes\n\n${block('A')}`);
  });

  it('writes the block alone into an empty or missing body', () => {
    expect(upsertCreditsBlock(null, block('A'))).toEqual({ body: block('A'), changed: true });
  });

  it('replaces the block and leaves the text around it byte for byte', () => {
    const before = 'Intro\r\nwith CRLF  \r\n\r\n';
    const after = '\n\n## Human notes after the block\t\n';
    const result = upsertCreditsBlock(before + block('old') + after, block('new'));
    expect(result).toEqual({ body: before + block('new') + after, changed: true });
  });

  it('reports no change when the block is already there', () => {
    const body = `Intro\n\n${block('same')}\n\nOutro`;
    expect(upsertCreditsBlock(body, block('same'))).toEqual({ body, changed: false });
  });

  it('reports no change when only the line ends of the stored block differ', () => {
    const body = `Intro\r\n\r\n${block('line 1\nline 2').replace(/\n/g, '\r\n')}`;
    expect(upsertCreditsBlock(body, block('line 1\nline 2'))).toEqual({ body, changed: false });
  });

  it('does not swallow human text after a stray start marker', () => {
    const body = `<!-- podbot:credits:start -->\nhuman text kept\n${block('old')}`;
    expect(upsertCreditsBlock(body, block('new')).body).toBe(`<!-- podbot:credits:start -->\nhuman text kept\n${block('new')}`);
  });
});
