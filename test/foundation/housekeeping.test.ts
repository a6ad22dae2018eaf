// The daily housekeeping task: delivery ids older than the retention are deleted; recent ones, and the outbox
// (whose keys keep side effects deduplicated for good), are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERY_IDS_KEPT_DAYS } from '../../src/app/housekeeping';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ features: [] });
});
afterAll(() => t?.stop());

describe('housekeeping', () => {
  it('deletes Slack event ids and GitHub delivery ids older than the retention, and nothing else', async () => {
    const now = t.app.ctx.clock.now().getTime();
    const day = 24 * 60 * 60 * 1000;
    const old = new Date(now - (DELIVERY_IDS_KEPT_DAYS + 1) * day);
    const recent = new Date(now - (DELIVERY_IDS_KEPT_DAYS - 1) * day);
    await t.db.prisma.slackEventReceipt.createMany({
      data: [
        { eventId: 'EvOLD', type: 'team_join', receivedAt: old },
        { eventId: 'EvRECENT', type: 'team_join', receivedAt: recent },
      ],
    });
    await t.db.prisma.webhookDelivery.createMany({
      data: [
        { id: 'old-delivery', event: 'issues', receivedAt: old },
        { id: 'recent-delivery', event: 'issues', receivedAt: recent },
      ],
    });
    await t.app.ctx.outbox.enqueue({ key: 'kept-forever', target: 'slack', method: 'chat.postMessage', payload: { channel: 'C1', text: 'x' } });
    await t.drain();
    await t.db.prisma.outboxJob.update({ where: { key: 'kept-forever' }, data: { createdAt: old } });

    await t.app.runTask('housekeeping');

    expect((await t.db.prisma.slackEventReceipt.findMany()).map((row) => row.eventId)).toEqual(['EvRECENT']);
    expect((await t.db.prisma.webhookDelivery.findMany()).map((row) => row.id)).toEqual(['recent-delivery']);
    expect(await t.db.prisma.outboxJob.count({ where: { key: 'kept-forever' } })).toBe(1);
    expect(t.logs.some((line) => line.msg === 'housekeeping: old delivery ids deleted' && line.slackEvents === 1 && line.githubDeliveries === 1)).toBe(true);
  });
});
