import type { CallConfig, SkipOverride } from '../../types';

// CallSkip has one row per (call, local date). `skipped = false` records an `unskip` of a date listed in
// podbot.yml: deleting the row would bring the configured skip back, so the unskip itself is stored.

/** A stored CallSkip row as the override the core understands. */
export interface SkipRow {
  callSlug: string;
  localDate: string;
  skipped: boolean;
  reason: string | null;
  createdBy: string;
}

export function readSkipRow(row: SkipRow): SkipOverride {
  if (!row.skipped) return { callSlug: row.callSlug, localDate: row.localDate, skipped: false };
  return { callSlug: row.callSlug, localDate: row.localDate, skipped: true, ...(row.reason ? { reason: row.reason } : {}) };
}

/** What to write for `skip` / `unskip` of a date: the row to store, or `delete` to drop the date's row. */
export type SkipRowChange = { kind: 'upsert'; skipped: boolean; reason: string | null; createdBy: string } | { kind: 'delete' };

export function planSkipRow(call: CallConfig, mode: 'skip' | 'unskip', date: string, userId: string, reason?: string): SkipRowChange {
  if (mode === 'skip') return { kind: 'upsert', skipped: true, reason: reason ?? null, createdBy: userId };
  const configured = call.skip.some((entry) => entry.date === date);
  return configured ? { kind: 'upsert', skipped: false, reason: null, createdBy: userId } : { kind: 'delete' };
}
