import type { PrismaClient } from '../generated/prisma/client';

/**
 * Records Slack event ids to drop repeated deliveries, coalescing the ids that arrive within a few milliseconds
 * into one INSERT. During a join spike Slack sends one team_join per person; every statement saved here is one the
 * outbox's sends do not queue behind. Resolves true for the first delivery of an id, false for a repeat (also
 * within one batch). A failed insert rejects every caller in the batch, so no event is taken as recorded when
 * it was not.
 */
export function createEventReceiptRecorder(db: Pick<PrismaClient, '$queryRaw'>, { maxWaitMs = 2, maxSize = 200 } = {}) {
  let pending: { eventId: string; type: string; resolve: (first: boolean) => void; reject: (error: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    const batch = pending;
    pending = [];
    if (timer) clearTimeout(timer);
    timer = undefined;
    const ids = batch.map((entry) => entry.eventId);
    const types = batch.map((entry) => entry.type);
    db.$queryRaw<{ eventId: string }[]>`
      INSERT INTO "SlackEventReceipt" ("eventId", type)
      SELECT * FROM unnest(${ids}::text[], ${types}::text[])
      ON CONFLICT ("eventId") DO NOTHING
      RETURNING "eventId"`.then(
      (rows) => {
        const inserted = new Set(rows.map((row) => row.eventId));
        for (const entry of batch) {
          // The first caller with an inserted id owns it; anyone after it (same batch) is a repeat.
          entry.resolve(inserted.delete(entry.eventId));
        }
      },
      (error) => batch.forEach((entry) => entry.reject(error)),
    );
  }

  return function record(eventId: string, type: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      pending.push({ eventId, type, resolve, reject });
      if (pending.length >= maxSize) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });
  };
}
