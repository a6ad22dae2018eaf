import type { CallConfig, OccurrenceOverride } from '../../types';
import { pickInTurn } from './pick-in-turn';

/**
 * Theme for an occurrence: the override stored for it, else `themes` in turn by occurrence index.
 * Rotating by index (not by "calls held so far") keeps the rotation printable in advance.
 */
export function pickTheme(call: CallConfig, index: number, override?: OccurrenceOverride): string | undefined {
  if (override?.theme) return override.theme;
  return pickInTurn(call.themes, index);
}

