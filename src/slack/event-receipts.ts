import { createBatcher } from '../batcher';
import type { PrismaClient } from '../generated/prisma/client';

/**
 * Records Slack event ids to drop repeated deliveries, coalescing the ids that arrive within a few milliseconds
 * into one INSERT. During a join spike Slack sends one team_join per person; every statement saved here is one the
 * outbox's sends do not queue behind. Resolves true for the first delivery of an id, false for a repeat (also
 * within one batch). A failed insert rejects every caller in the batch, so no event is taken as recorded when
 * it was not.
 */
export function createEventReceiptRecorder(
  db: Pick<PrismaClient, '$queryRaw'>,
  { maxWaitMs = 2, maxSize = 200 } = {},
): (eventId: string, type: string) => Promise<boolean> {
  const record = createBatcher<{ eventId: string; type: string }, boolean>(
    async (events) => {
      const rows = await db.$queryRaw<{ eventId: string }[]>`
        INSERT INTO "SlackEventReceipt" ("eventId", type)
        SELECT * FROM unnest(${events.map((event) => event.eventId)}::text[], ${events.map((event) => event.type)}::text[])
        ON CONFLICT ("eventId") DO NOTHING
        RETURNING "eventId"`;
      // The first caller with an inserted id owns it; anyone after it (same batch) is a repeat.
      const inserted = new Set(rows.map((row) => row.eventId));
      return events.map((event) => inserted.delete(event.eventId));
    },
    { maxWaitMs, maxSize },
  );
  return (eventId, type) => record({ eventId, type });
}
