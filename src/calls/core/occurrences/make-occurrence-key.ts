import type { ReminderKind } from '../../types';

// Key formats, stable because they are stored as database claims:
//   occurrence: `<slug>/<start as UTC ISO 8601, seconds precision>`  community-call/2026-11-25T16:30:00Z
//   claim:      `<occurrence key>/<kind>`                             community-call/2026-11-25T16:30:00Z/reminder:24h
// Slugs are kebab-case, so `/` only ever separates the parts. The start instant (not the local
// date) is in the key on purpose: if podbot.yml moves the call to another time, the moved call is a
// new occurrence whose reminders go out again, instead of being suppressed by claims for the old time.

export function makeOccurrenceKey(callSlug: string, start: Date): string {
  return `${callSlug}/${start.toISOString().slice(0, 19)}Z`;
}

export function makeClaimKey(occurrenceKey: string, kind: ReminderKind): string {
  return `${occurrenceKey}/${kind}`;
}

/** Splits an occurrence key, e.g. from an RSVP button's value; undefined if it is not one. */
export function parseOccurrenceKey(key: string): { callSlug: string; start: Date } | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$/.exec(key);
  if (!match) return undefined;
  const start = new Date(match[2]);
  return Number.isNaN(start.getTime()) ? undefined : { callSlug: match[1], start };
}
