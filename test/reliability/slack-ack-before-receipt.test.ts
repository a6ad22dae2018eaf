// A command's ack does not wait on the database. Before: the receiver wrote the command's receipt (its signature,
// for replay refusal) before Bolt ran the listener, so every ack queued behind whatever the database was doing; at
// 200 /join-pod a second the ack p99 was 11–14 × a bare Bolt app's (bench/join-pod). Now the receipt is written while
// the listener acks, and the listener acts only once the receipt is durable: a replay is still run once, and a
// command the database could not record is answered, not acted on, and the person is told to try again.
import { afterEach, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/database';
import { cutDatabase, until } from '../support/database-faults';
import { slackSignature } from '../support/signers';
import { SLACK_SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app';

const config = { pods: [{ name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'], capacity: 9 }] };

/** Resolves with `promise`'s value, or with 'pending' when it has not settled within `ms`. */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

describe('reliability › a command is acknowledged without waiting for the database', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop({ keepDatabase: !onPostgres });
    t = undefined;
  });

  it('acks /join-pod while the receipts table is locked, and joins once the lock is gone', async () => {
    t = await startTestApp({ config });
    expect((await t.command('/pod', 'help', 'U0WARM')).status).toBe(200); // auth.test answered and kept
    // The help reply is sent after its ack, once its receipt is durable: wait for it, or the lock below holds it too.
    await until(() => t!.slack.callsTo('response_url').length === 1);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "SlackEventReceipt" IN ACCESS EXCLUSIVE MODE');
        locked();
        await released;
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    await lockTaken;
    try {
      const answer = await settledWithin(t.command('/join-pod', 'docs', 'U0BUSY'), 5_000);
      expect(answer === 'pending' ? 'no ack while the database was busy' : answer.status).toBe(200);
      // Nothing was acted on yet: the listener waits for its receipt.
      expect(t.slack.callsTo('response_url')).toHaveLength(1); // the /pod help answer only
    } finally {
      release();
      await holder;
    }
    await until(() => t!.slack.callsTo('response_url').some((call) => /You joined/.test(String(call.args.text))));
    expect(await t.db.prisma.membership.count()).toBe(1);
    expect(await t.db.prisma.slackEventReceipt.count({ where: { type: 'command /join-pod' } })).toBe(1);
  });

  it('runs a replay of a command recorded elsewhere (another replica, before a restart) zero times', async () => {
    t = await startTestApp({ config });
    const body = new URLSearchParams({
      team_id: 'T0FAKE', channel_id: 'C0GENERAL', user_id: 'U0REPLAY', command: '/join-pod', text: 'docs', api_app_id: 'A0PODBOT',
      response_url: t.slack.responseUrl('replay'), trigger_id: 'trigger-replay',
    }).toString();
    const headers = slackSignature(SLACK_SIGNING_SECRET, body);
    await t.db.prisma.slackEventReceipt.create({ data: { eventId: `sig:${headers['x-slack-signature'].slice(3)}`, type: 'command /join-pod' } });
    const res = await fetch(`${t.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
    expect(res.status).toBe(200);
    await until(() => t!.logs.some((line) => /replayed request ignored/.test(String(line.msg))));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await t.db.prisma.membership.count()).toBe(0);
    expect(t.slack.callsTo('response_url')).toHaveLength(0);
  });

  it('answers a command while the database is down, does nothing, and tells the person to try again', async () => {
    t = await startTestApp({ config });
    expect((await t.command('/pod', 'help', 'U0WARM')).status).toBe(200);
    const restore = await cutDatabase(t.db);
    expect((await t.command('/join-pod', 'docs', 'U0OUTAGE')).status).toBe(200);
    await until(() => t!.slack.callsTo('response_url').some((call) => /could not take that just now/.test(String(call.args.text))));
    expect(t.slack.callsTo('response_url').filter((call) => /You joined|did not work/.test(String(call.args.text)))).toHaveLength(0);
    expect(t.logs.filter((line) => /slack: listener failed/.test(String(line.msg)))).toHaveLength(0);
    if (!onPostgres) return; // PGlite cannot be reopened in place
    await restore();
    await until(async () => (await t!.db.prisma.membership.count().catch(() => -1)) >= 0);
    expect(await t.db.prisma.membership.count()).toBe(0);
  });
});
