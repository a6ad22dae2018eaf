// Finding 5a/5b: a Slack event or command is answered 2xx only once it is durably recorded and handled, so that
// Slack retries what podbot could not take. Before: Bolt acked events before any listener ran (team_join during a
// database outage: 200, never welcomed), and acked and dropped everything when auth.test failed.
import { afterEach, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/database';
import { cutDatabase, until } from '../support/database-faults';
import { startTestApp, type TestApp } from '../support/test-app';

const config = {};
const newcomer = (id: string) => ({ type: 'team_join', user: { id, real_name: `Person ${id}`, profile: { display_name: id } } });

describe('reliability › Slack requests are not acknowledged and then lost', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop({ keepDatabase: !onPostgres });
    t = undefined;
  });

  it('answers team_join with 5xx while the database is down, and welcomes the person on Slack’s retry', async () => {
    t = await startTestApp({ config });
    // Authorized once while everything is up, as a running server would be.
    expect((await t.event(newcomer('U0BEFORE'))).status).toBe(200);
    const restore = await cutDatabase(t.db);
    const answers = await Promise.all(['U0OUT1', 'U0OUT2', 'U0OUT3'].map((id) => t!.event(newcomer(id), { eventId: `Ev${id}` })));
    expect(answers.map((answer) => answer.status >= 500)).toEqual([true, true, true]);
    if (!onPostgres) return; // PGlite cannot be reopened in place; the retry half runs on PostgreSQL
    await restore();
    for (const id of ['U0OUT1', 'U0OUT2', 'U0OUT3']) {
      await until(async () => (await t!.event(newcomer(id), { eventId: `Ev${id}`, retryNum: 1 }).then((r) => r.status)) === 200, 15_000);
    }
    await t.drain();
    for (const id of ['U0BEFORE', 'U0OUT1', 'U0OUT2', 'U0OUT3']) expect(t.slack.messagesTo(id)).toHaveLength(1);
  });

  it('answers 500 when an event listener fails, and processes Slack’s retry of the same event', async () => {
    let failures = 1;
    const seen: string[] = [];
    t = await startTestApp({
      features: [
        (_ctx, surfaces) =>
          surfaces.slack!.event('team_join', async ({ event }) => {
            if (failures-- > 0) throw new Error('listener failed once');
            seen.push((event.user as { id: string }).id);
          }),
      ],
    });
    expect((await t.event(newcomer('U0FLAKY'), { eventId: 'EvFLAKY' })).status).toBe(500);
    expect(await t.db.prisma.slackEventReceipt.count({ where: { eventId: 'EvFLAKY' } })).toBe(0);
    expect((await t.event(newcomer('U0FLAKY'), { eventId: 'EvFLAKY', retryNum: 1 })).status).toBe(200);
    expect((await t.event(newcomer('U0FLAKY'), { eventId: 'EvFLAKY', retryNum: 2 })).status).toBe(200);
    expect(seen).toEqual(['U0FLAKY']);
    expect(await t.db.prisma.slackEventReceipt.count({ where: { eventId: 'EvFLAKY' } })).toBe(1);
  });

  it('answers 503 to events and commands while auth.test fails, and handles them once it answers again', async () => {
    t = await startTestApp({ config });
    t.slack.failNext('auth.test', 100, { status: 503 });
    expect((await t.event(newcomer('U0AUTH'), { eventId: 'EvAUTH' })).status).toBe(503);
    expect((await t.command('/pod', 'help', 'U0AUTH')).status).toBe(503);
    expect(t.slack.callsTo('response_url')).toHaveLength(0);
    t.slack.clearFaults();
    expect((await t.event(newcomer('U0AUTH'), { eventId: 'EvAUTH', retryNum: 1 })).status).toBe(200);
    await t.drain();
    expect(t.slack.messagesTo('U0AUTH')).toHaveLength(1);
    expect((await t.command('/pod', 'help', 'U0AUTH')).status).toBe(200);
  });
});
