import { DateTime } from 'luxon';
import type { CallConfig, CallSchedule, SkipOverride } from '../../types';
import { buildVtimezone } from './build-vtimezone';
import { escapeIcsText, formatIcsLocal, formatIcsUtc, joinIcsLines } from './ics-text';
import { listOccurrences } from '../occurrences/list-occurrences';
import { resolveSkips } from '../skips/resolve-skips';
import { icsWeekdayCode } from '../occurrences/weekdays';

/** Years of VTIMEZONE detail: the feed starts a year back and is exact at least two years ahead. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

export interface IcsOptions {
  /** Calendar name shown by apps (X-WR-CALNAME). */
  calendarName?: string;
}

/**
 * An RFC 5545 calendar with one recurring VEVENT per call (https://www.rfc-editor.org/rfc/rfc5545).
 *
 * DTSTART and EXDATE carry the call's TZID, so calendars keep the local wall-clock time across DST
 * exactly as list-occurrences does. The series is published from the first occurrence on or after
 * January 1 of last year (or `start` if later), which keeps VTIMEZONE short; older dates are history.
 * Skips (podbot.yml plus the database) become EXDATEs. UIDs are `<slug>@podbot`, so a refreshed
 * feed updates the same events instead of adding copies.
 */
export function renderIcs(
  calls: readonly CallConfig[],
  skipOverrides: readonly SkipOverride[],
  now: Date,
  options: IcsOptions = {},
): string {
  const year = DateTime.fromJSDate(now, { zone: 'utc' }).year;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//podbot//community calls//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`);

  const zones = [...new Set(calls.map((call) => call.timezone))].sort();
  for (const zone of zones) lines.push(...buildVtimezone(zone, year - YEARS_BACK, year + YEARS_AHEAD));
  for (const call of calls) lines.push(...renderEvent(call, skipOverrides, now, year - YEARS_BACK));

  lines.push('END:VCALENDAR');
  return joinIcsLines(lines);
}

function renderEvent(call: CallConfig, skipOverrides: readonly SkipOverride[], now: Date, fromYear: number): string[] {
  const seriesFrom = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: call.timezone }).toJSDate();
  const [first] = listOccurrences(call, seriesFrom, { count: 1 });
  if (!first) return [];
  const tzid = `TZID=${call.timezone}`;
  const skippedDates = [...resolveSkips(call, skipOverrides).keys()].filter((date) => date >= first.localDate).sort();
  const description = call.link ? `Join: ${call.link}` : `${call.name}. Details in Slack.`;
  return [
    'BEGIN:VEVENT',
    `UID:${call.slug}@podbot`,
    `DTSTAMP:${formatIcsUtc(now)}`,
    `DTSTART;${tzid}:${formatIcsLocal(first.localDate, call.time)}`,
    `DURATION:PT${call.durationMinutes}M`,
    `RRULE:${recurrenceRule(call.schedule)}`,
    ...skippedDates.map((date) => `EXDATE;${tzid}:${formatIcsLocal(date, call.time)}`),
    `SUMMARY:${escapeIcsText(call.name)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    ...(call.link ? [`LOCATION:${escapeIcsText(call.link)}`, `URL:${call.link}`] : []),
    'END:VEVENT',
  ];
}

/** RFC 5545 §3.3.10. DTSTART is always an occurrence, so INTERVAL counts weeks from the right one. */
function recurrenceRule(schedule: CallSchedule): string {
  const day = icsWeekdayCode(schedule.weekday);
  switch (schedule.every) {
    case 'week':
      return `FREQ=WEEKLY;BYDAY=${day}`;
    case 'weeks':
      return `FREQ=WEEKLY;INTERVAL=${schedule.interval};BYDAY=${day}`;
    case 'month':
      return `FREQ=MONTHLY;BYDAY=${schedule.nth}${day}`;
  }
}
