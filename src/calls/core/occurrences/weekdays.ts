import type { IsoWeekday } from './local-dates';

/** Weekday names as written in podbot.yml, in ISO order (Monday first). */
export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export function isoWeekdayFromName(name: WeekdayName): IsoWeekday {
  return (WEEKDAY_NAMES.indexOf(name) + 1) as IsoWeekday;
}

export function weekdayNameOf(isoWeekday: IsoWeekday): WeekdayName {
  return WEEKDAY_NAMES[isoWeekday - 1];
}

/** RFC 5545 §3.3.10 two-letter weekday codes used in RRULE BYDAY. */
export function icsWeekdayCode(name: WeekdayName): string {
  return name.slice(0, 2).toUpperCase();
}

