import type { CallConfig, OccurrenceOverride } from '../../types';
import { pickInTurn } from './pick-in-turn';

/** Host (Slack user id) for an occurrence: the stored override, else `hosts` round-robin by index. */
export function pickHost(call: CallConfig, index: number, override?: OccurrenceOverride): string | undefined {
  if (override?.host) return override.host;
  return pickInTurn(call.hosts, index);
}
