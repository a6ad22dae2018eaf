import { describe, expect, it } from 'vitest';
import { parseResponseWindow } from '../../src/welcome/config';
import { addWorkingTime, responseDeadlines } from '../../src/newcomers/core/response-deadlines';
import { formatAge } from '../../src/newcomers/core/format-age';

const DAY = 86_400_000;
const weekdays = { timezone: 'UTC', weekend: ['saturday', 'sunday'] } as const;

function window(text: string) {
  const parsed = parseResponseWindow(text);
  if (!parsed) throw new Error(`not a window: ${text}`);
  return parsed;
}

describe('response windows', () => {
  it('reads working days, days and hours, and refuses anything else', () => {
    expect(parseResponseWindow('2 working days')).toEqual({ text: '2 working days', amount: 2, unit: 'working-days' });
    expect(parseResponseWindow('1 working day')).toMatchObject({ amount: 1, unit: 'working-days' });
    expect(parseResponseWindow(' 3 days ')).toEqual({ text: '3 days', amount: 3, unit: 'days' });
    expect(parseResponseWindow('36h')).toMatchObject({ amount: 36, unit: 'hours' });
    expect(parseResponseWindow('36 hours')).toMatchObject({ amount: 36, unit: 'hours' });
    for (const bad of ['', 'soon', '0 days', '-1 days', '2 weeks', '1.5 days']) expect(parseResponseWindow(bad)).toBeUndefined();
  });
});

describe('first-response deadlines', () => {
  it('counts two working days from a Monday morning to a Wednesday morning, and twice that to Friday', () => {
    const d = responseDeadlines(new Date('2026-11-23T09:00:00Z'), window('2 working days'), weekdays);
    expect(d.nudgeAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');
    expect(d.escalateAt.toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });

  it('skips the weekend: Friday 15:00 is due on Tuesday 15:00, and escalates on Thursday', () => {
    const d = responseDeadlines(new Date('2026-11-27T15:00:00Z'), window('2 working days'), weekdays);
    expect(d.nudgeAt.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(d.escalateAt.toISOString()).toBe('2026-12-03T15:00:00.000Z');
  });

  it('starts counting on Monday for an item opened on a Saturday', () => {
    const d = responseDeadlines(new Date('2026-11-28T10:00:00Z'), window('2 working days'), weekdays);
    expect(d.nudgeAt.toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it("follows the community's weekend days: with Friday and Saturday off, Thursday noon is due on Monday noon", () => {
    const d = responseDeadlines(new Date('2026-11-26T12:00:00Z'), window('2 working days'), { timezone: 'UTC', weekend: ['friday', 'saturday'] });
    expect(d.nudgeAt.toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it("uses the community's time zone: Friday 23:30 in Tokyo is Friday afternoon in UTC but the weekend starts 30 minutes later", () => {
    // 2026-11-27T14:30Z is Friday 23:30 in Tokyo (UTC+9). 30 minutes of Friday count, then Monday and Tuesday.
    const d = responseDeadlines(new Date('2026-11-27T14:30:00Z'), window('2 working days'), { timezone: 'Asia/Tokyo', weekend: ['saturday', 'sunday'] });
    // Tuesday 23:30 Tokyo = Tuesday 14:30Z.
    expect(d.nudgeAt.toISOString()).toBe('2026-12-01T14:30:00.000Z');
    // In UTC the same instant is Friday 14:30: 9.5 hours of Friday, then Monday, then Tuesday 14:30.
    expect(responseDeadlines(new Date('2026-11-27T14:30:00Z'), window('2 working days'), weekdays).nudgeAt.toISOString()).toBe('2026-12-01T14:30:00.000Z');
    // A Saturday-morning item in Tokyo (Friday evening in UTC) waits for Monday in Tokyo.
    const saturday = responseDeadlines(new Date('2026-11-27T20:00:00Z'), window('1 working day'), { timezone: 'Asia/Tokyo', weekend: ['saturday', 'sunday'] });
    expect(saturday.nudgeAt.toISOString()).toBe('2026-11-30T15:00:00.000Z'); // Tuesday 00:00 Tokyo
  });

  it('counts a 25-hour day (the end of daylight saving time) as one working day', () => {
    // Saturday 2026-10-24 15:00 in Berlin (CEST, 13:00Z); every day a working day. Sunday has 25 hours.
    const d = addWorkingTime(new Date('2026-10-24T13:00:00Z'), DAY, { timezone: 'Europe/Berlin', weekend: [] });
    expect(d.toISOString()).toBe('2026-10-25T14:00:00.000Z'); // Sunday 15:00 CET
  });

  it('adds plain days and hours without looking at the calendar', () => {
    const opened = new Date('2026-11-27T15:00:00Z');
    expect(responseDeadlines(opened, window('3 days'), weekdays)).toEqual({ nudgeAt: new Date('2026-11-30T15:00:00Z'), escalateAt: new Date('2026-12-03T15:00:00Z') });
    expect(responseDeadlines(opened, window('36 hours'), weekdays).nudgeAt).toEqual(new Date('2026-11-29T03:00:00Z'));
  });
});

describe('ages', () => {
  it('says hours, days, or both', () => {
    expect(formatAge(0)).toBe('0 hours');
    expect(formatAge(3_600_000)).toBe('1 hour');
    expect(formatAge(DAY)).toBe('1 day');
    expect(formatAge(2 * DAY + 5 * 3_600_000 + 59 * 60_000)).toBe('2 days 5 hours');
  });
});
