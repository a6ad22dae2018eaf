/** A half-open period [from, to) in UTC. */
export interface Period {
  from: Date;
  to: Date;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** Longer periods make the monthly trend unreadable and the queries slow. */
const MAX_DAYS = 366 * 6;

/**
 * Reads `from` and `to` (YYYY-MM-DD, UTC; `to` inclusive) from a query string. Without them: the 12 months
 * up to today, starting on the first of a month so the monthly trend has whole months.
 */
export function parsePeriod(params: URLSearchParams, now: Date): PeriodResult {
  const fromText = params.get('from') ?? undefined;
  const toText = params.get('to') ?? undefined;
  for (const [name, value] of [['from', fromText], ['to', toText]] as const) {
    if (value !== undefined && (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      return { ok: false, error: `${name}=${value} is not a date: use YYYY-MM-DD, like ${name}=2026-01-31` };
    }
  }
  const to = toText ? new Date(Date.parse(`${toText}T00:00:00Z`) + DAY_MS) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
  const from = fromText ? new Date(`${fromText}T00:00:00Z`) : new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 11, 1));
  if (from >= to) return { ok: false, error: `from=${fromText ?? formatDay(from)} must be on or before to=${toText ?? formatDay(new Date(to.getTime() - DAY_MS))}` };
  if ((to.getTime() - from.getTime()) / DAY_MS > MAX_DAYS) return { ok: false, error: `the period is longer than ${MAX_DAYS} days: choose a later from= or an earlier to=` };
  return { ok: true, period: { from, to } };
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The query string that names a period (inclusive `to`), for links between pages. */
export function periodQuery(period: Period): string {
  return `from=${formatDay(period.from)}&to=${formatDay(new Date(period.to.getTime() - DAY_MS))}`;
}

/** Every month (YYYY-MM) that overlaps the period, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let cursor = new Date(Date.UTC(period.from.getUTCFullYear(), period.from.getUTCMonth(), 1));
  while (cursor < period.to) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
  }
  return months;
}
