/**
 * Optimal string alignment distance (Damerau-Levenshtein restricted to adjacent transpositions),
 * so the common typo `dosc` is 1 edit from `docs`, not 2. Keeps three rows of the shorter string's
 * length, so memory is O(min(a, b)); time is O(a × b), which is why findClosestMatch never calls it
 * on an input much longer than the candidates.
 */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(0); // row i - 2
  let previous = Array.from({ length: cols }, (_, j) => j); // row i - 1
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * Edits tolerated for an input of this length: one per three characters, at least one.
 * A fixed threshold would either miss typos in long names or suggest nonsense for short ones.
 */
function allowedEdits(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

/**
 * The candidate a person most likely meant, or undefined if none is close.
 * A candidate qualifies when it is within the allowed edits of the input, or when the input
 * (2+ characters) is its prefix (`do` → `docs`). Ranked by edit distance, then prefix, then name,
 * so the answer is deterministic.
 *
 * The work is bounded by the candidates, not the input: two strings whose lengths differ by more than
 * the allowed edits cannot be within them (each edit changes the length by at most one), so the distance is
 * computed only for candidates of about the input's length. An input that much longer than the longest
 * candidate (about 1.5 × its length; a pasted paragraph, a 1 MB slash command) is no typo of any of them and
 * returns before any comparison.
 */
export function findClosestMatch(input: string, candidates: readonly string[]): string | undefined {
  const longest = candidates.reduce((max, name) => Math.max(max, name.length), 0);
  const trimmed = input.trim();
  // Longer than every candidate by more than the allowed edits: no prefix of one, and too far from all of them.
  if (trimmed.length === 0 || trimmed.length - longest > allowedEdits(trimmed.length)) return undefined;
  const wanted = trimmed.toLowerCase();
  const allowed = allowedEdits(wanted.length);
  let best: { name: string; distance: number; prefix: boolean } | undefined;
  for (const name of candidates) {
    const candidate = name.toLowerCase();
    const prefix = wanted.length >= 2 && candidate.startsWith(wanted);
    if (!prefix && Math.abs(candidate.length - wanted.length) > allowed) continue;
    const distance = editDistance(wanted, candidate);
    // A 1-character input is 1 edit from every other 1-character name; require some shared letters.
    const close = distance <= allowed && distance < Math.max(wanted.length, candidate.length);
    if (!close && !prefix) continue;
    const better =
      best === undefined ||
      distance < best.distance ||
      (distance === best.distance && prefix && !best.prefix) ||
      (distance === best.distance && prefix === best.prefix && name < best.name);
    if (better) best = { name, distance, prefix };
  }
  return best?.name;
}
