import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { Period } from '../core/period';
import type { CallOccurrenceRow } from '../core/types';
import { num, within } from './sql-parts';

type Db = Pick<PrismaClient, '$queryRaw'>;

/**
 * Past occurrences podbot knows of (a reminder it sent, an RSVP or an agenda item), with RSVP counts and agenda
 * items per occurrence. Skips are applied by the core, which knows each call's time zone.
 */
export async function queryCallOccurrences(db: Db, input: { period: Period; now: Date }): Promise<CallOccurrenceRow[]> {
  const until = input.now < input.period.to ? input.now : input.period.to;
  const range = { from: input.period.from, to: until };
  const rows = await db.$queryRaw<{ callSlug: string; occurrenceStart: Date; going: unknown; maybe: unknown; no: unknown; agenda: unknown }[]>`
    WITH occ AS (
      SELECT "callSlug", "occurrenceStart" FROM "ReminderClaim" WHERE status = 'sent' AND ${within(Prisma.sql`"occurrenceStart"`, range)}
      UNION SELECT "callSlug", "occurrenceStart" FROM "Rsvp" WHERE ${within(Prisma.sql`"occurrenceStart"`, range)}
      UNION SELECT "callSlug", "occurrenceStart" FROM "AgendaItem" WHERE ${within(Prisma.sql`"occurrenceStart"`, range)}
    )
    SELECT o."callSlug", o."occurrenceStart",
      (SELECT count(*) FROM "Rsvp" r WHERE r."callSlug" = o."callSlug" AND r."occurrenceStart" = o."occurrenceStart" AND r.status = 'going') AS going,
      (SELECT count(*) FROM "Rsvp" r WHERE r."callSlug" = o."callSlug" AND r."occurrenceStart" = o."occurrenceStart" AND r.status = 'maybe') AS maybe,
      (SELECT count(*) FROM "Rsvp" r WHERE r."callSlug" = o."callSlug" AND r."occurrenceStart" = o."occurrenceStart" AND r.status = 'no') AS no,
      (SELECT count(*) FROM "AgendaItem" a WHERE a."callSlug" = o."callSlug" AND a."occurrenceStart" = o."occurrenceStart") AS agenda
    FROM occ o ORDER BY o."occurrenceStart", o."callSlug"`;
  return rows.map((row) => ({
    callSlug: row.callSlug,
    occurrenceStart: new Date(row.occurrenceStart).toISOString(),
    going: num(row.going),
    maybe: num(row.maybe),
    no: num(row.no),
    agendaItems: num(row.agenda),
  }));
}

/** Dates (YYYY-MM-DD, the call's local date) skipped from Slack, per call. */
export async function querySkippedDates(db: Db): Promise<{ callSlug: string; localDate: string }[]> {
  return db.$queryRaw`SELECT "callSlug", "localDate" FROM "CallSkip" WHERE skipped ORDER BY "callSlug", "localDate"`;
}
