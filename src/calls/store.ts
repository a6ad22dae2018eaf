import type { PrismaClient } from '../generated/prisma/client';
import { countRsvps } from './core/reminders/count-rsvps';
import { readSkipRow } from './core/skips/skip-row';
import type { CallConfig, Occurrence, RsvpCounts, SkipOverride } from './types';

// Reads of the calls tables, shaped as the plain data the core takes.

type Db = Pick<PrismaClient, 'callSkip' | 'agendaItem' | 'rsvp' | 'callArtifact'>;

/** Skip and unskip rows of every call, oldest first (resolve-skips applies them in order). */
export async function loadSkipOverrides(db: Db): Promise<SkipOverride[]> {
  const rows = await db.callSkip.findMany({ orderBy: [{ createdAt: 'asc' }, { localDate: 'asc' }] });
  return rows.map(readSkipRow);
}

/** Agenda topics of one occurrence, in the order they were added. */
export async function loadAgenda(db: Db, occurrence: Occurrence): Promise<string[]> {
  const rows = await db.agendaItem.findMany({
    where: { callSlug: occurrence.callSlug, occurrenceStart: occurrence.start },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => row.topic);
}

/** Agenda topics of several occurrences of one call, by occurrence key. */
export async function loadAgendaByKey(db: Db, call: CallConfig, occurrences: readonly Occurrence[]): Promise<Map<string, string[]>> {
  const rows = await db.agendaItem.findMany({
    where: { callSlug: call.slug, occurrenceStart: { in: occurrences.map((occurrence) => occurrence.start) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const byKey = new Map<string, string[]>();
  for (const occurrence of occurrences) {
    byKey.set(
      occurrence.key,
      rows.filter((row) => row.occurrenceStart.getTime() === occurrence.start.getTime()).map((row) => row.topic),
    );
  }
  return byKey;
}

export interface RsvpState {
  counts: RsvpCounts;
  /** Slack ids of those who said Going (the round-robin). */
  going: string[];
}

export async function loadRsvps(db: Db, occurrence: Occurrence): Promise<RsvpState> {
  const rows = await db.rsvp.findMany({ where: { callSlug: occurrence.callSlug, occurrenceStart: occurrence.start } });
  return { counts: countRsvps(rows), going: rows.filter((row) => row.status === 'going').map((row) => row.slackUserId) };
}

/** RSVP counts of several occurrences of one call, by occurrence key. */
export async function loadRsvpCountsByKey(db: Db, call: CallConfig, occurrences: readonly Occurrence[]): Promise<Map<string, RsvpCounts>> {
  const rows = await db.rsvp.findMany({
    where: { callSlug: call.slug, occurrenceStart: { in: occurrences.map((occurrence) => occurrence.start) } },
  });
  return new Map(
    occurrences.map((occurrence) => [
      occurrence.key,
      countRsvps(rows.filter((row) => row.occurrenceStart.getTime() === occurrence.start.getTime())),
    ]),
  );
}

export async function loadArtifact(db: Db, occurrence: Occurrence): Promise<{ notesUrl?: string; recordingUrl?: string }> {
  const row = await db.callArtifact.findUnique({
    where: { callSlug_occurrenceStart: { callSlug: occurrence.callSlug, occurrenceStart: occurrence.start } },
  });
  return { notesUrl: row?.notesUrl ?? undefined, recordingUrl: row?.recordingUrl ?? undefined };
}
