import { afterAll, describe, expect, it } from 'vitest';
import { cutDatabase } from '../support/database-faults';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp | undefined;
let restore: (() => Promise<void>) | undefined;
afterAll(async () => {
  await restore?.();
  await t?.stop().catch(() => {});
});

describe('/metrics while the database is down', () => {
  it('reports the outbox backlog as unknown (NaN), not as an empty queue', async () => {
    t = await startTestApp();
    await t.app.ctx.outbox.enqueue({ key: 'metrics:pending', target: 'slack', method: 'chat.postMessage', payload: { channel: 'C0METRICS', text: 'queued' }, notBefore: new Date(Date.now() + 3_600_000) });
    const pendingLine = async () => (await (await fetch(`${t!.url}/metrics`)).text()).split('\n').find((line) => line.startsWith('podbot_outbox_pending '));
    expect(await pendingLine()).toBe('podbot_outbox_pending 1');
    restore = await cutDatabase(t.db);
    // prom-client writes NaN as "Nan"; Prometheus reads it either way.
    expect(await pendingLine()).toMatch(/^podbot_outbox_pending nan$/i);
  });
});
