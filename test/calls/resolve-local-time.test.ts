import { describe, expect, it } from 'vitest';
import { resolveLocalTime } from '../../src/calls/core/occurrences/resolve-local-time';

describe('resolve-local-time', () => {
  it('moves a time in the spring-forward gap later by the gap, as RFC 5545 does', () => {
    // 01:30 does not exist in London on 2027-03-28; read with GMT it is 02:30 BST.
    expect(resolveLocalTime('2027-03-28', '01:30', 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 02:30 does not exist in Los Angeles on 2027-03-14; read with PST it is 03:30 PDT.
    expect(resolveLocalTime('2027-03-14', '02:30', 'America/Los_Angeles').toISOString()).toBe('2027-03-14T10:30:00.000Z');
  });

  it('takes the first of a time that happens twice at fall-back', () => {
    // 01:30 happens in BST (00:30Z) and again in GMT (01:30Z) on 2026-10-25.
    expect(resolveLocalTime('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(resolveLocalTime('2026-11-01', '01:30', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('reads ordinary times with the offset of the day', () => {
    expect(resolveLocalTime('2026-07-01', '16:30', 'Europe/London').toISOString()).toBe('2026-07-01T15:30:00.000Z');
    expect(resolveLocalTime('2026-07-01', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-07-01T03:30:00.000Z');
  });
});
