import { describe, expect, it } from 'vitest';
import { pickNextHeldCall } from '../../src/calls/core/occurrences/pick-next-held-call';
import { aCall } from './a-call';

const now = new Date('2026-11-23T09:00:00Z'); // a Monday
const weekly = aCall({ themes: ['contribute', 'build'], hosts: ['U0HOSTA'] });
const officeHours = aCall({ slug: 'office-hours', name: 'Office hours', schedule: { every: 'week', weekday: 'thursday' }, time: '18:00', link: undefined });

describe('pickNextHeldCall', () => {
  it('picks the earliest call across every call, with what the App Home shows', () => {
    expect(pickNextHeldCall([officeHours, weekly], [], now)).toEqual({
      slug: 'community-call',
      name: 'Community call',
      start: new Date('2026-11-25T16:30:00Z'),
      end: new Date('2026-11-25T17:30:00Z'),
      theme: 'contribute',
      host: 'U0HOSTA',
      link: 'https://zoom.us/j/123',
    });
  });

  it('never picks an occurrence skipped from Slack, and moves on to the next held one', () => {
    const skip = { callSlug: 'community-call', localDate: '2026-11-25', skipped: true, reason: 'summit' };
    expect(pickNextHeldCall([weekly, officeHours], [skip], now)).toMatchObject({ slug: 'office-hours', start: new Date('2026-11-26T18:00:00Z') });
    expect(pickNextHeldCall([weekly], [skip], now)).toMatchObject({ slug: 'community-call', start: new Date('2026-12-02T16:30:00Z') });
  });

  it('never picks an occurrence skipped in podbot.yml, unless an unskip from Slack brought it back', () => {
    const configured = aCall({ skip: [{ date: '2026-11-25', reason: 'holidays' }] });
    expect(pickNextHeldCall([configured], [], now)?.start).toEqual(new Date('2026-12-02T16:30:00Z'));
    const unskip = { callSlug: 'community-call', localDate: '2026-11-25', skipped: false };
    expect(pickNextHeldCall([configured], [unskip], now)?.start).toEqual(new Date('2026-11-25T16:30:00Z'));
  });

  it('is undefined when no call is configured', () => {
    expect(pickNextHeldCall([], [], now)).toBeUndefined();
  });
});
