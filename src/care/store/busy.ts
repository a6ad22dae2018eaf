import type { Db } from './db';

/** Marks someone busy (until a time, or with `until` undefined until they switch it off). */
export async function setBusy(db: Db, input: { slackUserId: string; until?: Date; now: Date }): Promise<void> {
  const until = input.until ?? null;
  await db.careBusy.upsert({ where: { slackUserId: input.slackUserId }, create: { slackUserId: input.slackUserId, until, setAt: input.now }, update: { until, setAt: input.now } });
}

/** Clears busy; false when the person was not busy. */
export async function clearBusy(db: Db, slackUserId: string): Promise<boolean> {
  return (await db.careBusy.deleteMany({ where: { slackUserId } })).count > 0;
}
