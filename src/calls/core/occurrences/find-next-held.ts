import type { CallConfig, DescribedOccurrence, SkipOverride } from '../../types';
import { listUpcoming } from './list-upcoming';

/** How far ahead to look past skipped occurrences; a longer run of skips means "nothing scheduled". */
const LOOKAHEAD = 12;

/** The next occurrence at or after `now` that is not skipped: what `next` and `agenda` are about. */
export function findNextHeld(call: CallConfig, skipOverrides: readonly SkipOverride[], now: Date): DescribedOccurrence | undefined {
  return listUpcoming(call, skipOverrides, now, LOOKAHEAD).find((occurrence) => !occurrence.skipped);
}
