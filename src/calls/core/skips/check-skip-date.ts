import type { CallConfig, Occurrence, SkipOverride } from '../../types';
import { isOccurrenceDate } from '../occurrences/is-occurrence-date';
import { listOccurrences } from '../occurrences/list-occurrences';
import { resolveLocalTime } from '../occurrences/resolve-local-time';
import { resolveSkips } from './resolve-skips';

export type SkipCheck = { ok: true; occurrence: Occurrence } | { ok: false; message: string };

/**
 * Whether `skip <date>` / `unskip <date>` can apply: the date must be an upcoming occurrence of the
 * call and not already in the requested state. A refusal names dates that would work.
 */
export function checkSkipDate(
  call: CallConfig,
  date: string,
  mode: 'skip' | 'unskip',
  skipOverrides: readonly SkipOverride[],
  now: Date,
): SkipCheck {
  const upcoming = listOccurrences(call, now, { count: 3 });
  const onDate = isOccurrenceDate(call.schedule, date) && (!call.start || date >= call.start);
  if (!onDate) {
    const dates = upcoming.map((occurrence) => `\`${occurrence.localDate}\``).join(', ');
    return { ok: false, message: `The ${call.name} does not happen on ${date}. Upcoming dates: ${dates}.` };
  }
  const start = resolveLocalTime(date, call.time, call.timezone);
  if (start.getTime() <= now.getTime()) {
    return { ok: false, message: `The ${call.name} of ${date} has already started, so it can no longer be ${mode}ped.` };
  }
  const [occurrence] = listOccurrences(call, start, { count: 1 });
  const skipped = resolveSkips(call, skipOverrides).has(date);
  if (mode === 'skip' && skipped) return { ok: false, message: `The ${call.name} of ${date} is already skipped.` };
  if (mode === 'unskip' && !skipped) return { ok: false, message: `The ${call.name} of ${date} is not skipped.` };
  return { ok: true, occurrence };
}
