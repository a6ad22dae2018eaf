import { findClosestMatch } from '../../../kit/text/find-closest-match';

/**
 * The pod name someone probably meant when they typed `input` (`dosc` → `docs`), or undefined.
 * Case-insensitive; an exact match returns that pod's name.
 */
export function suggestPodName(input: string, podNames: readonly string[]): string | undefined {
  return findClosestMatch(input, podNames);
}
