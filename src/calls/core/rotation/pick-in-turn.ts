/** items[index] wrapping around, or undefined for an empty list. */
export function pickInTurn<T>(items: readonly T[], index: number): T | undefined {
  if (items.length === 0) return undefined;
  return items[((index % items.length) + items.length) % items.length];
}
