import type { CallConfig, DescribedOccurrence, Occurrence, OccurrenceOverride, ResolvedSkip } from '../../types';
import { pickHost } from '../rotation/pick-host';
import { pickTheme } from '../rotation/pick-theme';

/** Adds theme, host and skip status to an occurrence, for messages and the read API. */
export function describeOccurrence(
  call: CallConfig,
  occurrence: Occurrence,
  skips: ReadonlyMap<string, ResolvedSkip>,
  override?: OccurrenceOverride,
): DescribedOccurrence {
  const skip = skips.get(occurrence.localDate);
  return {
    ...occurrence,
    theme: pickTheme(call, occurrence.index, override),
    host: pickHost(call, occurrence.index, override),
    skipped: skip !== undefined,
    skipReason: skip?.reason,
  };
}
