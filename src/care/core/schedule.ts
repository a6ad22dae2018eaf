import { DateTime } from 'luxon';
import { WEEKDAYS } from '../config';

/** A scheduled send: its instant and the local date that names it (in keys and messages). */
export interface Slot {
  at: Date;
  /** YYYY-MM-DD in the community's time zone. */
  localDate: string;
}

/** How long after its slot a send is still made (after downtime, say); later, that week's or month's send is skipped. */
export const SEND_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The latest weekly slot at or before `now`: the weekday at `hour`:00 in `timeZone`. */
export function lastWeeklySlot(now: Date, input: { timeZone: string; weekday: (typeof WEEKDAYS)[number]; hour: number }): Slot {
  const local = DateTime.fromJSDate(now, { zone: input.timeZone });
  const weekday = WEEKDAYS.indexOf(input.weekday) + 1;
  let slot = local.minus({ days: (local.weekday - weekday + 7) % 7 }).set({ hour: input.hour, minute: 0, second: 0, millisecond: 0 });
  if (slot.toMillis() > now.getTime()) slot = slot.minus({ weeks: 1 }).set({ hour: input.hour });
  return { at: slot.toJSDate(), localDate: slot.toISODate()! };
}

/** The latest monthly slot at or before `now`: `dayOfMonth` at `hour`:00 in `timeZone`. */
export function lastMonthlySlot(now: Date, input: { timeZone: string; dayOfMonth: number; hour: number }): Slot {
  const local = DateTime.fromJSDate(now, { zone: input.timeZone });
  let slot = local.set({ day: input.dayOfMonth, hour: input.hour, minute: 0, second: 0, millisecond: 0 });
  if (slot.toMillis() > now.getTime()) slot = slot.minus({ months: 1 }).set({ day: input.dayOfMonth, hour: input.hour });
  return { at: slot.toJSDate(), localDate: slot.toISODate()! };
}

/** The slot is due now: reached, and not longer ago than the send window. */
export function isDue(slot: Slot, now: Date): boolean {
  const since = now.getTime() - slot.at.getTime();
  return since >= 0 && since < SEND_WINDOW_MS;
}
