// Calendar arithmetic on local dates written as 'YYYY-MM-DD'.
//
// Schedules are defined on the community's calendar, not on UTC instants, so the date maths
// runs on plain dates (counted as days since 1970-01-01) and only the final step turns a
// local date plus wall-clock time into an instant (see resolve-local-time.ts). Keeping dates
// as strings avoids the host time zone leaking in through `new Date(y, m, d)`.

const MS_PER_DAY = 86_400_000;

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real calendar date such as 2026-11-25 (not 2026-02-30). */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function toEpochDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

export function isoWeekdayOf(date: string): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date of the nth (1–4) or last (-1) given weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: IsoWeekday, nth: number): string {
  const firstOfMonth = `${year}-${pad(month)}-01`;
  if (nth > 0) {
    const firstMatch = 1 + ((weekday - isoWeekdayOf(firstOfMonth) + 7) % 7);
    return `${year}-${pad(month)}-${pad(firstMatch + 7 * (nth - 1))}`;
  }
  const lastDay = daysInMonth(year, month);
  const lastWeekday = isoWeekdayOf(`${year}-${pad(month)}-${pad(lastDay)}`);
  return `${year}-${pad(month)}-${pad(lastDay - ((lastWeekday - weekday + 7) % 7))}`;
}

/** Months between two dates' months, ignoring the day: 2026-11-30 → 2027-01-01 is 2. */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** The year and month `months` after the month of `date`. */
export function addMonths(date: string, months: number): { year: number; month: number } {
  const [year, month] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
