import type { CallSchedule } from '../../types';
import { isoWeekdayOf, toEpochDay, nthWeekdayOfMonth } from './local-dates';
import { isoWeekdayFromName } from './weekdays';

/** True when the schedule has an occurrence on this local date (ignoring `start` and skips). */
export function isOccurrenceDate(schedule: CallSchedule, date: string): boolean {
  if (isoWeekdayOf(date) !== isoWeekdayFromName(schedule.weekday)) return false;
  switch (schedule.every) {
    case 'week':
      return true;
    case 'weeks': {
      const period = 7 * schedule.interval;
      const offset = toEpochDay(date) - toEpochDay(schedule.anchor);
      return ((offset % period) + period) % period === 0;
    }
    case 'month': {
      const [year, month] = date.split('-').map(Number);
      return nthWeekdayOfMonth(year, month, isoWeekdayFromName(schedule.weekday), schedule.nth) === date;
    }
  }
}
