import type { CallConfig, ResolvedSkip, SkipOverride } from '../../types';

/**
 * The skipped local dates of one call: podbot.yml `skip` first, then the database rows from
 * `/community-call skip|unskip`, which win for their date (so `unskip` can undo a configured skip).
 * Rows must be in the order they were made when one date has several.
 */
export function resolveSkips(call: CallConfig, overrides: readonly SkipOverride[]): Map<string, ResolvedSkip> {
  const skips = new Map<string, ResolvedSkip>();
  for (const entry of call.skip) skips.set(entry.date, { reason: entry.reason, source: 'config' });
  for (const row of overrides) {
    if (row.callSlug !== call.slug) continue;
    if (row.skipped) skips.set(row.localDate, { reason: row.reason, source: 'slack' });
    else skips.delete(row.localDate);
  }
  return skips;
}
