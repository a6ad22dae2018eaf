// Finding 2: a database outage during a send must not crash the process. The message reaches Slack, then
// marking it done fails, and so would recording a failure: the outbox keeps the outcome and writes it once the
// database is back (on Postgres, shown here), and never leaves a rejection unhandled.
import { afterEach, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/database';
import { cutDatabase, until } from '../support/database-faults';
import { startTestApp, type TestApp } from '../support/test-app';

describe('reliability › the outbox survives a database outage during a send', () => {
  let t: TestApp | undefined;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  afterEach(async () => {
    process.off('unhandledRejection', onRejection);
    await t?.stop({ keepDatabase: !onPostgres });
  });

  it('keeps running when the job cannot be marked done, and records the delivery once the database is back', async () => {
    process.on('unhandledRejection', onRejection);
    t = await startTestApp({ features: [] });
    t.slack.latencyMs = 1_500;
    await t.app.ctx.outbox.enqueue({ key: 'outage:dm', target: 'slack', method: 'chat.postMessage', payload: { channel: 'C0OUTAGE', text: 'sent during an outage' } });
    // Claimed and on its way to Slack (which takes 1.5 s to answer): the database goes away mid-send.
    await until(async () => (await t!.db.prisma.outboxJob.findUnique({ where: { key: 'outage:dm' } }))?.status === 'sending');
    const restore = await cutDatabase(t.db);
    await until(() => t!.logs.some((l) => l.msg === 'outbox: marking a delivered job done failed; retrying until the database is back'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rejections).toEqual([]);
    if (onPostgres) {
      await restore();
      await until(async () => (await t!.db.prisma.outboxJob.findUnique({ where: { key: 'outage:dm' } }).catch(() => null))?.status === 'done', 20_000);
      await t.drain();
      expect(t.slack.history.get('C0OUTAGE')).toHaveLength(1);
    }
    expect(rejections).toEqual([]);
  });
});
