import type { CallConfig, Occurrence } from '../../types';
import { listOccurrences } from './list-occurrences';
import { parseOccurrenceKey } from './make-occurrence-key';

/**
 * The call and occurrence an occurrence key names (an RSVP button's value), or undefined when the
 * call is no longer configured or no longer happens at that instant (podbot.yml changed since).
 */
export function findOccurrenceByKey(
  calls: readonly CallConfig[],
  key: string,
): { call: CallConfig; occurrence: Occurrence } | undefined {
  const parsed = parseOccurrenceKey(key);
  if (!parsed) return undefined;
  const call = calls.find((candidate) => candidate.slug === parsed.callSlug);
  if (!call) return undefined;
  const [occurrence] = listOccurrences(call, parsed.start, { count: 1 });
  return occurrence?.key === key ? { call, occurrence } : undefined;
}
