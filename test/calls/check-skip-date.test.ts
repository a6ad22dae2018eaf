import { describe, expect, it } from 'vitest';
import { checkSkipDate } from '../../src/calls/core/skips/check-skip-date';
import { findLastOccurrence } from '../../src/calls/core/occurrences/find-last-occurrence';
import { aCall } from './a-call';

const call = aCall({ skip: [{ date: '2026-12-23', reason: 'holidays' }] });
const NOW = new Date('2026-11-20T12:00:00Z');

describe('check-skip-date', () => {
  it('accepts an upcoming occurrence and returns it', () => {
    const check = checkSkipDate(call, '2026-11-25', 'skip', [], NOW);
    expect(check.ok && check.occurrence.key).toBe('community-call/2026-11-25T16:30:00Z');
  });

  it('refuses a date the call does not happen on and names dates that work', () => {
    expect(checkSkipDate(call, '2026-11-24', 'skip', [], NOW)).toEqual({
      ok: false,
      message: 'The Community call does not happen on 2026-11-24. Upcoming dates: `2026-11-25`, `2026-12-02`, `2026-12-09`.',
    });
  });

  it('refuses a call that has already started', () => {
    expect(checkSkipDate(call, '2026-11-18', 'skip', [], NOW)).toEqual({
      ok: false,
      message: 'The Community call of 2026-11-18 has already started, so it can no longer be skipped.',
    });
  });

  it('refuses to skip twice or to unskip what is not skipped', () => {
    expect(checkSkipDate(call, '2026-12-23', 'skip', [], NOW)).toEqual({
      ok: false,
      message: 'The Community call of 2026-12-23 is already skipped.',
    });
    expect(checkSkipDate(call, '2026-12-02', 'unskip', [], NOW)).toEqual({
      ok: false,
      message: 'The Community call of 2026-12-02 is not skipped.',
    });
    expect(checkSkipDate(call, '2026-12-23', 'unskip', [], NOW).ok).toBe(true);
  });
});

describe('find-last-occurrence', () => {
  it('finds the latest held call, passing over a skipped one', () => {
    const skippedLastWeek = [{ callSlug: 'community-call', localDate: '2026-11-18', skipped: true }];
    expect(findLastOccurrence(call, [], NOW)?.localDate).toBe('2026-11-18');
    expect(findLastOccurrence(call, skippedLastWeek, NOW)?.localDate).toBe('2026-11-11');
  });

  it('counts a call that has started as the last one', () => {
    expect(findLastOccurrence(call, [], new Date('2026-11-25T16:31:00Z'))?.localDate).toBe('2026-11-25');
  });
});
