import { DateTime } from 'luxon';
import type { CallConfig, CallSchedule, Occurrence } from '../../types';
import { addDays, addMonths, isoWeekdayOf, monthsBetween, nthWeekdayOfMonth, toEpochDay } from './local-dates';
import { makeOccurrenceKey } from './make-occurrence-key';
import { resolveLocalTime } from './resolve-local-time';
import { isoWeekdayFromName } from './weekdays';

/** Stop after this many, whatever `until` says, so a far-off bound cannot hang the process. */
const MAX_OCCURRENCES = 5000;

/** Without `start`, indexes count from here so they are the same whichever date one lists from. */
const DEFAULT_ORIGIN = '1970-01-01';

export type OccurrenceLimit = { count: number } | { until: Date };

/**
 * Occurrences whose start is at or after `from`, in order, up to `count` of them or those starting
 * before `until`. Skipped dates are included (see resolve-skips.ts): a skipped occurrence still
 * consumes its theme and host slot, so a rotation published in advance does not shift when a
 * call is cancelled.
 */
export function listOccurrences(call: CallConfig, from: Date, limit: OccurrenceLimit): Occurrence[] {
  const { schedule } = call;
  const origin = call.start ?? DEFAULT_ORIGIN;
  const seriesFirst = firstDateOnOrAfter(schedule, origin);

  // A start instant at or after `from` is on a local date at most a day before `from`'s local
  // date (gaps shift times later, never earlier); two days of margin is plenty.
  const fromLocal = DateTime.fromJSDate(from, { zone: call.timezone }).toISODate() ?? origin;
  const scanFrom = addDays(fromLocal, -2) > origin ? addDays(fromLocal, -2) : origin;

  let date = firstDateOnOrAfter(schedule, scanFrom);
  let index = indexOf(schedule, seriesFirst, date);
  const occurrences: Occurrence[] = [];
  const maxCount = 'count' in limit ? Math.min(limit.count, MAX_OCCURRENCES) : MAX_OCCURRENCES;

  while (occurrences.length < maxCount) {
    const start = resolveLocalTime(date, call.time, call.timezone);
    if ('until' in limit && start.getTime() >= limit.until.getTime()) break;
    if (start.getTime() >= from.getTime()) {
      occurrences.push({
        callSlug: call.slug,
        index,
        localDate: date,
        start,
        end: new Date(start.getTime() + call.durationMinutes * 60_000),
        key: makeOccurrenceKey(call.slug, start),
      });
    }
    date = nextDateAfter(schedule, date);
    index += 1;
  }
  return occurrences;
}

function firstDateOnOrAfter(schedule: CallSchedule, date: string): string {
  const weekday = isoWeekdayFromName(schedule.weekday);
  const sameWeekday = addDays(date, (weekday - isoWeekdayOf(date) + 7) % 7);
  switch (schedule.every) {
    case 'week':
      return sameWeekday;
    case 'weeks': {
      const period = 7 * schedule.interval;
      const phase = (((toEpochDay(sameWeekday) - toEpochDay(schedule.anchor)) % period) + period) % period;
      return phase === 0 ? sameWeekday : addDays(sameWeekday, period - phase);
    }
    case 'month': {
      const [year, month] = date.split('-').map(Number);
      const inMonth = nthWeekdayOfMonth(year, month, weekday, schedule.nth);
      if (inMonth >= date) return inMonth;
      const next = addMonths(date, 1);
      return nthWeekdayOfMonth(next.year, next.month, weekday, schedule.nth);
    }
  }
}

function nextDateAfter(schedule: CallSchedule, date: string): string {
  switch (schedule.every) {
    case 'week':
      return addDays(date, 7);
    case 'weeks':
      return addDays(date, 7 * schedule.interval);
    case 'month': {
      const next = addMonths(date, 1);
      return nthWeekdayOfMonth(next.year, next.month, isoWeekdayFromName(schedule.weekday), schedule.nth);
    }
  }
}

/** Position of `date` in the series whose first occurrence is `seriesFirst` (both occurrence dates). */
function indexOf(schedule: CallSchedule, seriesFirst: string, date: string): number {
  switch (schedule.every) {
    case 'week':
      return (toEpochDay(date) - toEpochDay(seriesFirst)) / 7;
    case 'weeks':
      return (toEpochDay(date) - toEpochDay(seriesFirst)) / (7 * schedule.interval);
    case 'month':
      return monthsBetween(seriesFirst, date);
  }
}
