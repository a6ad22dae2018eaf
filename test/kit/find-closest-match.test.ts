import { describe, expect, it } from 'vitest';
import { editDistance, findClosestMatch } from '../../src/kit/text/find-closest-match';

const subcommands = ['next', 'schedule', 'agenda', 'skip', 'unskip', 'notes', 'recording', 'help'];

describe('findClosestMatch', () => {
  it('finds the same distance whichever string is longer', () => {
    expect(editDistance('docs', 'dosc')).toBe(1);
    expect(editDistance('sitting', 'kitten')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('release-engineering', 'relase-enginering')).toBe(2);
  });

  it('suggests a candidate for a typo, a swap and a prefix', () => {
    expect(findClosestMatch('shedule', subcommands)).toBe('schedule');
    expect(findClosestMatch('agneda', subcommands)).toBe('agenda');
    expect(findClosestMatch('rec', subcommands)).toBe('recording');
    expect(findClosestMatch('  Notse ', subcommands)).toBe('notes');
  });

  it('still allows one edit on a short input one letter longer than the candidates', () => {
    expect(findClosestMatch('ab', ['a'])).toBe('a');
  });

  it('suggests nothing for a 1 MB input, without comparing it to the candidates', () => {
    const huge = 'schedule'.repeat(131_072); // 1 MiB, starting with a candidate
    expect(huge.length).toBe(1024 * 1024);
    expect(findClosestMatch(huge, subcommands)).toBeUndefined();
    expect(findClosestMatch(`  ${'x'.repeat(1024 * 1024)}  `, ['docs', 'cli'])).toBeUndefined();
  });

  it('suggests nothing when no candidate is close, or there are none', () => {
    expect(findClosestMatch('banana', subcommands)).toBeUndefined();
    expect(findClosestMatch('schedule-everything-now', subcommands)).toBeUndefined();
    expect(findClosestMatch('docs', [])).toBeUndefined();
  });
});
