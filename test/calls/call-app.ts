// Helpers for the calls integration tests: config builders, clock-driven scheduler ticks, and
// reading what the fake Slack received.
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/db/open-database';
import type { TestDatabase } from '../support/database';
import type { TestApp, TestClock } from '../support/test-app';

/** One entry of podbot.yml `calls:` (as YAML would give it), with the fields a test changes. */
export function callEntry(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: 'community-call',
    name: 'Community call',
    channel: 'C0CALLS',
    schedule: { every: 'week', weekday: 'wednesday' },
    time: '16:30',
    timezone: 'Europe/London',
    link: 'https://zoom.us/j/123',
    themes: ['contribute', 'build', 'engage'],
    hosts: ['U0HOSTA', 'U0HOSTB'],
    ...fields,
  };
}

/** Sets the clock, runs one scheduler pass as node-cron would, and waits for the outbox. */
export async function tickAt(t: TestApp, clock: TestClock, iso: string): Promise<void> {
  clock.set(iso);
  await t.app.runTask('calls');
  await t.drain();
}

/**
 * Outbox keys of the messages posted to a channel, in order. The outbox stamps each
 * chat.postMessage with its key as message metadata, so this reads what actually reached Slack.
 */
export function postedKeys(t: TestApp, channel: string): string[] {
  return t.slack.messagesTo(channel).map((call) => String(call.args.metadata?.event_payload?.key ?? '?'));
}

/** Walks the clock through `instants`, ticking at each, and lists the keys newly posted to `channel` at each. */
export async function walk(t: TestApp, clock: TestClock, channel: string, instants: string[]): Promise<[string, string[]][]> {
  const timeline: [string, string[]][] = [];
  for (const instant of instants) {
    const before = postedKeys(t, channel).length;
    await tickAt(t, clock, instant);
    timeline.push([instant, postedKeys(t, channel).slice(before)]);
  }
  return timeline;
}

/** Polls until `probe` returns something truthy (for work done after an ack); fails after 10 s. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** All mrkdwn/plain text of a message's blocks, joined by newlines, to assert on what a reader sees. */
export function blocksText(blocks: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
    }
  };
  visit(blocks);
  return texts.join('\n');
}

export interface Reply {
  /** Where the answer came from: the ack body, or a later respond() post. */
  via: 'ack' | 'respond';
  text: string;
  /** Blocks text, what the user reads. */
  shown: string;
}

/**
 * Runs `/community-call <text>` and returns the answer the user sees, whether it came in the ack
 * or later through the response_url.
 */
export async function ask(t: TestApp, text: string, user = 'U0MEMBER', channel = 'C0GENERAL'): Promise<Reply> {
  const responseId = randomUUID();
  const res = await t.command('/community-call', text, user, { channel_id: channel, response_url: t.slack.responseUrl(responseId) });
  if (res.status !== 200) throw new Error(`/community-call answered HTTP ${res.status}`);
  const body = await res.text();
  if (body.trim() !== '') {
    const ack = JSON.parse(body) as { text: string; blocks: unknown };
    return { via: 'ack', text: ack.text, shown: blocksText(ack.blocks) };
  }
  const posted = await waitFor(
    () => t.slack.callsTo('response_url').find((call) => call.args.response_url_id === responseId),
    `the answer to /community-call ${text}`,
  );
  return { via: 'respond', text: String(posted.args.text), shown: blocksText(posted.args.blocks) };
}

/** Clicks an RSVP button on a posted reminder. */
export async function clickRsvp(t: TestApp, user: string, actionId: string, occurrenceKey: string, message: { channel: string; ts: string }) {
  const res = await t.action({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T0FAKE' },
    channel: { id: message.channel, name: 'calls' },
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    message: { type: 'message', ts: message.ts, text: 'reminder' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'call_rsvp', value: occurrenceKey, action_ts: `${Date.now() / 1000}` }],
  });
  if (res.status !== 200) throw new Error(`RSVP click answered HTTP ${res.status}`);
}

/**
 * A second connection to the same database, as a second replica would open it. On Postgres this is
 * a separate connection pool; the embedded database lives in one process, so it is shared.
 */
export async function secondConnection(db: TestDatabase): Promise<{ db: TestDatabase; close(): Promise<void> }> {
  if (!db.url) return { db, close: async () => {} };
  const opened = await openDatabase({ url: db.url, dataDir: '' });
  return { db: { ...opened, url: db.url, destroy: () => opened.close() }, close: () => opened.close() };
}
