import type { ResponseWindow, Weekday } from '../../welcome';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEKDAY_INDEX: Record<Weekday, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

export interface WorkingWeek {
  /** IANA time zone in which days begin and end. */
  timezone: string;
  /** Days that are not working days. */
  weekend: readonly Weekday[];
}

export interface ResponseDeadlines {
  /** When the Pod's advocates (or the admins) hear that nobody answered. */
  nudgeAt: Date;
  /** Twice the time: when the admins hear it. */
  escalateAt: Date;
}

/** The two deadlines of an item opened at `openedAt`: the window, and twice the window. */
export function responseDeadlines(openedAt: Date, window: ResponseWindow, week: WorkingWeek): ResponseDeadlines {
  return { nudgeAt: addWindow(openedAt, window, 1, week), escalateAt: addWindow(openedAt, window, 2, week) };
}

function addWindow(start: Date, window: ResponseWindow, times: number, week: WorkingWeek): Date {
  const amount = window.amount * times;
  if (window.unit === 'hours') return new Date(start.getTime() + amount * HOUR_MS);
  if (window.unit === 'days') return new Date(start.getTime() + amount * DAY_MS);
  return addWorkingTime(start, amount * DAY_MS, week);
}

/**
 * `start` plus `ms` of working time: only the hours of working days count, in the community's time zone. An item
 * opened on Friday at 15:00 with two working days to go is due on Tuesday at 15:00; one opened on Saturday is due
 * at Wednesday's start. The count runs on the local wall clock, so a deadline keeps its local time of day across a
 * daylight-saving change (a 23- or 25-hour day counts as one day).
 */
export function addWorkingTime(start: Date, ms: number, week: WorkingWeek): Date {
  const weekend = new Set(week.weekend.map((day) => WEEKDAY_INDEX[day]));
  if (weekend.size >= 7) throw new Error('a working week needs at least one working day');
  // Local wall-clock time, written as if it were UTC: every day is 24 hours long on it.
  let wall = start.getTime() + offsetAt(start, week.timezone);
  let remaining = ms;
  for (let days = 0; ; days++) {
    const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
    if (!weekend.has(new Date(dayStart).getUTCDay())) {
      const left = dayStart + DAY_MS - wall;
      if (remaining <= left) return fromWallClock(wall + remaining, week.timezone);
      remaining -= left;
    }
    wall = dayStart + DAY_MS;
    // Bounded: a window is at most 999 working days, and every week holds one working day at least.
    if (days > 10_000) throw new Error('working time did not converge');
  }
}

/** The instant at which the zone's clocks show `wall` (a skipped wall time lands just past the gap). */
function fromWallClock(wall: number, timezone: string): Date {
  // Two rounds of "wall time minus the zone's offset at that instant" settle on the offset in force then.
  let guess = wall - offsetAt(new Date(wall), timezone);
  guess = wall - offsetAt(new Date(guess), timezone);
  return new Date(guess);
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(at: Date, timezone: string): number {
  const parts = formatter(timezone).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timezone: string): Intl.DateTimeFormat {
  let found = formatters.get(timezone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, found);
  }
  return found;
}
