/**
 * Optimal string alignment distance (Damerau-Levenshtein restricted to adjacent transpositions),
 * so the common typo `dosc` is 1 edit from `docs`, not 2.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
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
 */
export function findClosestMatch(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.trim().toLowerCase();
  if (wanted.length === 0) return undefined;
  let best: { name: string; distance: number; prefix: boolean } | undefined;
  for (const name of candidates) {
    const candidate = name.toLowerCase();
    const distance = editDistance(wanted, candidate);
    const prefix = wanted.length >= 2 && candidate.startsWith(wanted);
    // A 1-character input is 1 edit from every other 1-character name; require some shared letters.
    const close = distance <= allowedEdits(wanted.length) && distance < Math.max(wanted.length, candidate.length);
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
