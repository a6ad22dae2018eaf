/**
 * A deterministic shuffle for the round-robin speaking order: the same names and seed (the
 * occurrence key) always give the same order, whichever replica computes it and in whatever order
 * the RSVPs arrived (names are sorted first), while different calls give different orders, so
 * the same person does not always speak first.
 *
 * FNV-1a hashes the seed into 32 bits, mulberry32 draws from it, Fisher–Yates permutes. Both are
 * plain integer arithmetic, so the order cannot change with the Node version. Changing this
 * algorithm reshuffles orders already posted; the pinned examples in the tests guard it.
 */
export function stableShuffle(names: readonly string[], seed: string): string[] {
  const result = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const random = mulberry32(fnv1a(seed));
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
