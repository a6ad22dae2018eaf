import { z } from 'zod';
import { findClosestMatch } from '../kit/text/find-closest-match';

/**
 * A podbot.yml object that refuses keys it does not know, naming the key meant where one is close:
 * `capcity` → `unknown key "capcity" (did you mean "capacity"?)`. A typo must not pass silently as a default.
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, known) : undefined),
  });
}

export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  const parts = keys.map((key) => {
    const meant = findClosestMatch(key, known);
    return meant ? `"${key}" (did you mean "${meant}"?)` : `"${key}"`;
  });
  return `unknown key${keys.length === 1 ? '' : 's'} ${parts.join(', ')}; expected one of: ${known.join(', ')}`;
}
