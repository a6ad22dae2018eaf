import type { CallConfig } from '../../types';
import { pickInTurn } from './pick-in-turn';

/** Host (Slack user id) for an occurrence: `hosts` round-robin by index. */
export function pickHost(call: CallConfig, index: number): string | undefined {
  return pickInTurn(call.hosts, index);
}
