import type { CallConfig, DueReminder, DueReminderState, Occurrence, ReminderKind } from '../../types';
import { listOccurrences } from '../occurrences/list-occurrences';
import { makeClaimKey } from '../occurrences/make-occurrence-key';
import { parseDuration } from '../command/parse-duration';
import { resolveSkips } from '../skips/resolve-skips';

const MS_PER_MINUTE = 60_000;

/**
 * A follow-up may still go out this long after the call ended (e.g. after a night of downtime).
 * Occurrences that ended longer ago are history: nothing about them is reported any more, so a
 * first deploy does not log every past call as missed.
 */
export const FOLLOW_UP_WINDOW_MINUTES = 24 * 60;

/**
 * What the scheduler must do now, computed from config and stored state only, so a restart or a
 * second replica reaches the same answer; the caller claims each key in the database before acting.
 *
 * - `reminder:<offset>` is due from start − offset. If the call has started it is `missed`. If
 *   several reminders of one occurrence are due at once (after downtime) only the latest-planned
 *   one is sent; the others are `missed` as `superseded`, so nobody gets "in 24 h" and "in 1 h"
 *   back to back.
 * - `round-robin` is due from start − roundRobinMinutesBefore and still sent while the call is
 *   running, because the speaking order is used during the call; after the end it is `missed`.
 * - `follow-up` is due from the end, for FOLLOW_UP_WINDOW_MINUTES.
 * Skipped occurrences have nothing due. Results are ordered by due time, then key.
 */
export function findDueReminders(calls: readonly CallConfig[], state: DueReminderState, now: Date): DueReminder[] {
  const due: DueReminder[] = [];
  for (const call of calls) {
    const skips = resolveSkips(call, state.skipOverrides);
    const reminders = call.reminders
      .map((label) => ({ kind: `reminder:${label}` as ReminderKind, minutes: parseDuration(label) ?? 0 }))
      .sort((a, b) => a.minutes - b.minutes);
    const maxLead = Math.max(call.roundRobinMinutesBefore, ...reminders.map((reminder) => reminder.minutes));
    const occurrences = listOccurrences(
      call,
      new Date(now.getTime() - (call.durationMinutes + FOLLOW_UP_WINDOW_MINUTES) * MS_PER_MINUTE),
      { until: new Date(now.getTime() + maxLead * MS_PER_MINUTE + 1) },
    );

    for (const occurrence of occurrences) {
      if (skips.has(occurrence.localDate)) continue;
      const started = now.getTime() >= occurrence.start.getTime();
      const ended = now.getTime() >= occurrence.end.getTime();
      const add = (kind: ReminderKind, dueAt: Date, missedBecause?: DueReminder['missedBecause']) => {
        const claimKey = makeClaimKey(occurrence.key, kind);
        if (dueAt.getTime() > now.getTime() || state.claimed.has(claimKey)) return;
        due.push({ claimKey, occurrence, kind, dueAt, action: missedBecause ? 'missed' : 'send', missedBecause });
      };

      // Sorted smallest offset first: the first one already due is the one worth sending.
      let latestDueSeen = false;
      for (const reminder of reminders) {
        const dueAt = minutesBefore(occurrence, reminder.minutes);
        if (dueAt.getTime() > now.getTime()) continue;
        add(reminder.kind, dueAt, started ? 'started' : latestDueSeen ? 'superseded' : undefined);
        latestDueSeen = true;
      }
      add('round-robin', minutesBefore(occurrence, call.roundRobinMinutesBefore), ended ? 'ended' : undefined);
      add('follow-up', occurrence.end);
    }
  }
  return due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || compareText(a.claimKey, b.claimKey));
}

function minutesBefore(occurrence: Occurrence, minutes: number): Date {
  return new Date(occurrence.start.getTime() - minutes * MS_PER_MINUTE);
}

/** Code-unit order, so the result does not depend on the host's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
