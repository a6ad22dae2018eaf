import { describe, expect, it } from 'vitest';
import { listUpcoming } from '../../src/calls/core/occurrences/list-upcoming';
import { pickHost } from '../../src/calls/core/rotation/pick-host';
import { pickTheme } from '../../src/calls/core/rotation/pick-theme';
import { resolveSkips } from '../../src/calls/core/skips/resolve-skips';
import { aCall } from './a-call';

const rotating = aCall({
  start: '2026-11-04',
  themes: ['contribute', 'build', 'engage'],
  hosts: ['U0000000A', 'U0000000B'],
});

describe('theme and host rotation', () => {
  it('rotates themes and hosts by occurrence index', () => {
    expect([0, 1, 2, 3, 4].map((index) => pickTheme(rotating, index))).toEqual([
      'contribute',
      'build',
      'engage',
      'contribute',
      'build',
    ]);
    expect([0, 1, 2].map((index) => pickHost(rotating, index))).toEqual(['U0000000A', 'U0000000B', 'U0000000A']);
  });

  it('has no theme or host when none are configured', () => {
    expect(pickTheme(aCall(), 7)).toBeUndefined();
    expect(pickHost(aCall(), 7)).toBeUndefined();
  });

  it('keeps the slot of a skipped occurrence so later themes do not shift', () => {
    const upcoming = listUpcoming(
      rotating,
      [{ callSlug: 'community-call', localDate: '2026-11-11', skipped: true, reason: 'conference' }],
      new Date('2026-11-01T00:00:00Z'),
      4,
    );
    expect(upcoming.map((o) => [o.localDate, o.theme, o.host, o.skipped, o.skipReason])).toEqual([
      ['2026-11-04', 'contribute', 'U0000000A', false, undefined],
      ['2026-11-11', 'build', 'U0000000B', true, 'conference'],
      ['2026-11-18', 'engage', 'U0000000A', false, undefined],
      ['2026-11-25', 'contribute', 'U0000000B', false, undefined],
    ]);
  });
});

describe('resolve-skips', () => {
  const call = aCall({ skip: [{ date: '2026-12-23', reason: 'holidays' }, { date: '2026-12-30' }] });

  it('combines podbot.yml skips with skips made in Slack', () => {
    const skips = resolveSkips(call, [
      { callSlug: 'community-call', localDate: '2026-11-25', skipped: true, reason: 'KubeCon' },
      { callSlug: 'other-call', localDate: '2026-12-02', skipped: true },
    ]);
    expect([...skips.entries()]).toEqual([
      ['2026-12-23', { reason: 'holidays', source: 'config' }],
      ['2026-12-30', { reason: undefined, source: 'config' }],
      ['2026-11-25', { reason: 'KubeCon', source: 'slack' }],
    ]);
  });

  it('lets an unskip from Slack undo a skip, including one from podbot.yml', () => {
    const skips = resolveSkips(call, [
      { callSlug: 'community-call', localDate: '2026-11-25', skipped: true },
      { callSlug: 'community-call', localDate: '2026-11-25', skipped: false },
      { callSlug: 'community-call', localDate: '2026-12-30', skipped: false },
    ]);
    expect([...skips.keys()]).toEqual(['2026-12-23']);
  });
});
