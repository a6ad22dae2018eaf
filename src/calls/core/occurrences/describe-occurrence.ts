import type { CallConfig, DescribedOccurrence, Occurrence, ResolvedSkip } from '../../types';
import { pickHost } from '../rotation/pick-host';
import { pickTheme } from '../rotation/pick-theme';

/** Adds theme, host and skip status to an occurrence, for messages and the read API. */
export function describeOccurrence(call: CallConfig, occurrence: Occurrence, skips: ReadonlyMap<string, ResolvedSkip>): DescribedOccurrence {
  const skip = skips.get(occurrence.localDate);
  return {
    ...occurrence,
    theme: pickTheme(call, occurrence.index),
    host: pickHost(call, occurrence.index),
    skipped: skip !== undefined,
    skipReason: skip?.reason,
  };
}
