import { describe, expect, it } from 'vitest';
import { makeClaimKey, makeOccurrenceKey, parseOccurrenceKey } from '../../src/calls/core/occurrences/make-occurrence-key';

describe('occurrence keys', () => {
  it('writes occurrence and claim keys in the documented format', () => {
    const key = makeOccurrenceKey('community-call', new Date('2026-11-25T16:30:00Z'));
    expect(key).toBe('community-call/2026-11-25T16:30:00Z');
    expect(makeClaimKey(key, 'reminder:24h')).toBe('community-call/2026-11-25T16:30:00Z/reminder:24h');
  });

  it('reads an occurrence key back, e.g. from an RSVP button, and rejects anything else', () => {
    expect(parseOccurrenceKey('community-call/2026-11-25T16:30:00Z')).toEqual({
      callSlug: 'community-call',
      start: new Date('2026-11-25T16:30:00Z'),
    });
    expect(parseOccurrenceKey('community-call/2026-11-25')).toBeUndefined();
    expect(parseOccurrenceKey('Community/2026-11-25T16:30:00Z')).toBeUndefined();
  });
});
