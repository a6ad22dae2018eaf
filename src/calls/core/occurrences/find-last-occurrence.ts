import type { CallConfig, Occurrence, SkipOverride } from '../../types';
import { listOccurrences } from './list-occurrences';
import { resolveSkips } from '../skips/resolve-skips';

const MS_PER_DAY = 86_400_000;

/**
 * The latest occurrence that has started and was not skipped: where `notes` and `recording`
 * links attach. Looks back a little over a year, the longest gap a schedule allows (52 weeks).
 */
export function findLastOccurrence(call: CallConfig, skipOverrides: readonly SkipOverride[], now: Date): Occurrence | undefined {
  const skips = resolveSkips(call, skipOverrides);
  const held = listOccurrences(call, new Date(now.getTime() - 380 * MS_PER_DAY), { until: new Date(now.getTime() + 1) }).filter(
    (occurrence) => !skips.has(occurrence.localDate),
  );
  return held.at(-1);
}
