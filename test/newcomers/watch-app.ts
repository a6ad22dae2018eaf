// Helpers for first-response tests: send deliveries, run the watch at an instant, read what it sent.
import { expect } from 'vitest';
import { openDatabase } from '../../src/db/open-database';
import type { TestDatabase } from '../support/database';
import type { TestApp, TestClock } from '../support/test-app';

export async function deliver(t: TestApp, event: string, payload: unknown, delivery?: string): Promise<void> {
  const res = await t.webhook(event, payload, { delivery });
  expect(res.status, `${event} delivery`).toBe(202);
  await t.drain();
}

/** Sets the clock, runs one pass of the watch (as node-cron would) and waits for the outbox. */
export async function watchAt(t: TestApp, clock: TestClock, instant: string): Promise<void> {
  clock.set(instant);
  await t.app.runTask('first-response');
  await t.drain();
}

/** The first-response messages posted to a user or channel, as their outbox keys, in order. */
export function watchKeys(t: TestApp, channel: string): string[] {
  return t.slack
    .messagesTo(channel)
    .map((call) => String(call.args.metadata?.event_payload?.key ?? ''))
    .filter((key) => key.startsWith('newcomers:first-response:'));
}

/** The first-response messages posted to a user or channel. */
export function watchMessages(t: TestApp, channel: string) {
  return t.slack.messagesTo(channel).filter((call) => String(call.args.metadata?.event_payload?.key ?? '').startsWith('newcomers:first-response:'));
}

/** A second connection to the same database, as a second replica has (the same one on the embedded database). */
export async function secondConnection(db: TestDatabase): Promise<{ db: TestDatabase; close(): Promise<void> }> {
  if (!db.url) return { db, close: async () => {} };
  const opened = await openDatabase({ url: db.url, dataDir: '' });
  return { db: { ...opened, url: db.url, destroy: () => opened.close() }, close: () => opened.close() };
}
