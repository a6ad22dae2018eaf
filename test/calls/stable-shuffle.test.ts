import { describe, expect, it } from 'vitest';
import { stableShuffle } from '../../src/calls/core/rotation/stable-shuffle';

const names = ['U0000000A', 'U0000000B', 'U0000000C', 'U0000000D', 'U0000000E', 'U0000000F'];

describe('stable-shuffle', () => {
  it('returns every name exactly once', () => {
    expect([...stableShuffle(names, 'community-call/2026-11-25T16:30:00Z')].sort()).toEqual(names);
  });

  it('gives the same order for the same seed whatever order the names arrive in', () => {
    const seed = 'community-call/2026-11-25T16:30:00Z';
    expect(stableShuffle([...names].reverse(), seed)).toEqual(stableShuffle(names, seed));
  });

  it('keeps the published orders for known seeds', () => {
    // Pinned: a change here reshuffles orders that were already posted in Slack.
    expect(stableShuffle(names, 'community-call/2026-11-25T16:30:00Z')).toEqual(PINNED_NOV_25);
    expect(stableShuffle(names, 'community-call/2026-12-02T16:30:00Z')).toEqual(PINNED_DEC_02);
  });

  it('handles empty and single-name lists', () => {
    expect(stableShuffle([], 'seed')).toEqual([]);
    expect(stableShuffle(['U0000000A'], 'seed')).toEqual(['U0000000A']);
  });

  it('does not change the list it is given', () => {
    const input = ['U0000000B', 'U0000000A'];
    stableShuffle(input, 'seed');
    expect(input).toEqual(['U0000000B', 'U0000000A']);
  });
});

const PINNED_NOV_25 = ['U0000000B', 'U0000000E', 'U0000000C', 'U0000000A', 'U0000000F', 'U0000000D'];
const PINNED_DEC_02 = ['U0000000E', 'U0000000C', 'U0000000A', 'U0000000F', 'U0000000D', 'U0000000B'];
