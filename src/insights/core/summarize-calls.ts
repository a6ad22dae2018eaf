import { DateTime } from 'luxon';
import { formatDay, type Period } from './period';
import type { CallOccurrenceRow, CallSummary } from './types';

export interface CallInfo {
  slug: string;
  name: string;
  timezone: string;
  /** Dates podbot.yml skips. */
  configSkips: readonly string[];
}

/**
 * Held, skipped, RSVPs and agenda items per call. A date is skipped when podbot.yml or Slack skipped it and Slack did
 * not unskip it; an occurrence on a skipped date is not counted as held.
 */
export function summarizeCalls(
  calls: readonly CallInfo[],
  occurrences: readonly CallOccurrenceRow[],
  skipRows: readonly { callSlug: string; localDate: string; skipped: boolean }[],
  period: Period,
  now: Date,
): CallSummary[] {
  const first = formatDay(period.from);
  const last = formatDay(new Date(Math.min(period.to.getTime() - 1, now.getTime())));
  return calls.map((call) => {
    const skipped = new Set(call.configSkips);
    for (const row of skipRows.filter((r) => r.callSlug === call.slug)) {
      if (row.skipped) skipped.add(row.localDate);
      else skipped.delete(row.localDate);
    }
    const skippedInPeriod = [...skipped].filter((date) => date >= first && date <= last);
    const held = occurrences
      .filter((o) => o.callSlug === call.slug)
      .map((o) => ({ ...o, localDate: DateTime.fromISO(o.occurrenceStart, { zone: call.timezone }).toISODate() ?? o.occurrenceStart.slice(0, 10) }))
      .filter((o) => !skipped.has(o.localDate));
    const agenda = held.reduce((sum, o) => sum + o.agendaItems, 0);
    return {
      slug: call.slug,
      name: call.name,
      held: held.length,
      skipped: skippedInPeriod.length,
      rsvpsGoing: held.reduce((sum, o) => sum + o.going, 0),
      agendaItemsPerCall: held.length === 0 ? null : Math.round((agenda / held.length) * 10) / 10,
      occurrences: held,
    };
  });
}
