import type { CallConfig } from '../../types';
import { pickInTurn } from './pick-in-turn';

/**
 * Theme for an occurrence: `themes` in turn by occurrence index. Rotating by index (not by "calls
 * held so far") keeps the rotation printable in advance.
 */
export function pickTheme(call: CallConfig, index: number): string | undefined {
  return pickInTurn(call.themes, index);
}
