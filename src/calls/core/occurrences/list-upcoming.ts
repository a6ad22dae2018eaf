import type { CallConfig, DescribedOccurrence, SkipOverride } from '../../types';
import { describeOccurrence } from './describe-occurrence';
import { listOccurrences } from './list-occurrences';
import { resolveSkips } from '../skips/resolve-skips';

/**
 * The next `count` occurrences starting at or after `now`, skipped ones included and marked, with
 * theme and host. Feeds `next`, `schedule` and the API.
 */
export function listUpcoming(
  call: CallConfig,
  skipOverrides: readonly SkipOverride[],
  now: Date,
  count: number,
): DescribedOccurrence[] {
  const skips = resolveSkips(call, skipOverrides);
  return listOccurrences(call, now, { count }).map((occurrence) => describeOccurrence(call, occurrence, skips));
}
