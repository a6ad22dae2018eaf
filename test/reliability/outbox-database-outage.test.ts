// Finding 2: a database outage during a send must not crash the process. The message reaches Slack, then
// marking it done fails, and so would recording a failure: the outbox keeps the outcome and writes it once the
// database is back (on Postgres, shown here), and never leaves a rejection unhandled.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { onPostgres, testDatabaseUrl } from '../support/database';
import { startTestApp, type TestApp } from '../support/test-app';

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Cuts the test's own database off: no new connections, existing ones terminated. Returns how to bring it back. */
async function cutDatabase(t: TestApp): Promise<() => Promise<void>> {
  if (!onPostgres) {
    await t.db.close();
    return async () => {};
  }
  const name = new URL(t.db.url!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  return async () => {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await admin.end();
  };
}

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
    const restore = await cutDatabase(t);
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
