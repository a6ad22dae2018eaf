import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const USERS = 100;

describe('welcome spike', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { welcome: { channels: ['C0HELLO'], channelGreeting: 'message' } } });
    // 20 at once, then 20 a second; and the first sends meet 429s whatever the machine's speed.
    t.slack.rateLimit('chat.postMessage', { perSecond: 20, burst: 20 });
    t.slack.failNext('chat.postMessage', 3, { status: 429, retryAfter: 1 });
  });
  afterAll(() => t?.stop());

  it('acks every event of a 100-person burst with 200 and welcomes each person exactly once despite rate limits', async () => {
    const users = Array.from({ length: USERS }, (_, i) => `U0SPIKE${String(i).padStart(3, '0')}`);
    // Each person arrives twice (a Slack retry of the same event id, and a second event), all at once.
    const requests = users.flatMap((id, i) => [
      { user: id, eventId: `EvSPIKE${i}`, retryNum: undefined },
      { user: id, eventId: `EvSPIKE${i}`, retryNum: 1 },
      { user: id, eventId: `EvSPIKEB${i}`, retryNum: undefined },
    ]);
    // 20 connections at once, as a busy Slack would use; all 300 requests are in the air within the burst.
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < requests.length) {
          const { user, eventId, retryNum } = requests[next++];
          const res = await t.event({ type: 'team_join', user: { id: user, name: user.toLowerCase() } }, { eventId, retryNum });
          await res.arrayBuffer();
          statuses.push(res.status);
        }
      }),
    );
    expect(statuses).toHaveLength(requests.length);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    for (let i = 0; i < 3000; i++) {
      if ((await t.db.prisma.outboxJob.count({ where: { key: { startsWith: 'welcome:slack:U0SPIKE' } } })) === USERS) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await t.drain({ includeFuture: true, timeoutMs: 60_000 });

    const delivered = users.map((id) => (t.slack.history.get(`D${id.slice(1)}`) ?? []).length);
    expect(delivered.filter((count) => count !== 1)).toEqual([]);
    expect(await t.db.prisma.outboxJob.count({ where: { key: { startsWith: 'welcome:slack:U0SPIKE' }, status: 'done' } })).toBe(USERS);
    // Every 429 was retried: more calls than people, yet one DM each.
    expect(t.slack.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(USERS + 3);
  });

  it('greets a channel joiner with a channel message when configured so', async () => {
    const join = { type: 'member_joined_channel', user: 'U0JOINER', channel: 'C0HELLO', channel_type: 'C', team: 'T0FAKE' };
    await t.event(join);
    await t.event(join);
    for (let i = 0; i < 500; i++) {
      if ((await t.db.prisma.outboxJob.count({ where: { key: 'welcome:channel:C0HELLO:U0JOINER' } })) === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await t.drain({ includeFuture: true, timeoutMs: 30_000 });
    expect(t.slack.history.get('C0HELLO')?.map((m) => m.text)).toEqual(['Welcome to <#C0HELLO>, <@U0JOINER>! Say hello and tell us what brings you here.']);
  });
});
