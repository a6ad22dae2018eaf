import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { aContributor, commandReply } from './app-helpers';

const before = {
  admins: ['UADMIN'],
  pods: [
    { name: 'docs', area: 'Documentation', labels: ['area/docs'], advocates: ['UALICE'], channel: 'C0DOCS', capacity: 7 },
    { name: 'legacy', area: 'The old build', advocates: ['UOLD'] },
  ],
};
const after = {
  admins: ['UADMIN'],
  pods: [
    { name: 'docs', displayName: 'Docs & Website', area: 'Documentation and the website', labels: ['area/docs', 'area/website'], advocates: ['UBOB'], capacity: 9 },
    { name: 'cli', area: 'Command line', advocates: ['UCAROL'] },
  ],
};

let t: TestApp;
const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
beforeAll(async () => {
  t = await startTestApp({ config: before, clock });
  await aContributor(t, 'UMEMBER', { githubLogin: 'Mem' });
  await commandReply(t, '/join-pod', 'docs', 'UMEMBER');
  await commandReply(t, '/join-pod', 'legacy', 'ULEGACY');
  await commandReply(t, '/pod', 'advocate docs <@UHELPER>', 'UADMIN');
});
afterAll(() => t?.stop());

describe('podbot.yml is applied on start', () => {
  it('creates the configured pods with their advocates', async () => {
    const pods = await t.db.prisma.pod.findMany({ orderBy: { name: 'asc' }, include: { advocates: { orderBy: { slackUserId: 'asc' } } } });
    expect(pods.map((pod) => [pod.name, pod.displayName, pod.capacity, pod.archived, pod.source, pod.advocates.map((a) => `${a.slackUserId}:${a.source}`)])).toEqual([
      ['docs', 'Docs', 7, false, 'config', ['UALICE:config', 'UHELPER:command']],
      ['legacy', 'Legacy', 9, false, 'config', ['UOLD:config']],
    ]);
  });

  it('after a restart with changed config: updates, creates, and archives (never deletes) a removed pod, telling its members', async () => {
    await t.stop({ keepDatabase: true, keepFakes: true });
    clock.set('2026-11-24T09:00:00Z');
    t = await startTestApp({ config: after, clock, db: t.db, slack: t.slack, github: t.github });

    const pods = await t.db.prisma.pod.findMany({ orderBy: { name: 'asc' }, include: { advocates: { orderBy: { slackUserId: 'asc' } } } });
    expect(pods.map((pod) => [pod.name, pod.displayName, pod.area, pod.labels, pod.capacity, pod.channel, pod.archived, pod.advocates.map((a) => `${a.slackUserId}:${a.source}`)])).toEqual([
      ['cli', 'Cli', 'Command line', [], 9, null, false, ['UCAROL:config']],
      ['docs', 'Docs & Website', 'Documentation and the website', ['area/docs', 'area/website'], 9, null, false, ['UBOB:config', 'UHELPER:command']],
      ['legacy', 'Legacy', 'The old build', [], 9, null, true, ['UOLD:config']],
    ]);
    const legacy = pods.find((pod) => pod.name === 'legacy')!;
    expect(legacy.archivedAt).toEqual(new Date('2026-11-24T09:00:00Z'));
    expect(await t.db.prisma.membership.count({ where: { podId: legacy.id } })).toBe(1);
    await t.drain();
    expect(t.slack.messagesTo('ULEGACY').map((call) => call.args.text)).toEqual([
      "The *Legacy* pod you were in has been archived. Thank you for your time in it; it stays in the pod's history. `/join-pod` shows the pods you can join now.",
    ]);
  });

  it('applying the same config again changes nothing and sends nothing', async () => {
    const jobs = await t.db.prisma.outboxJob.count();
    await t.stop({ keepDatabase: true, keepFakes: true });
    t = await startTestApp({ config: after, clock, db: t.db, slack: t.slack, github: t.github });
    expect(await t.db.prisma.podEvent.count({ where: { createdAt: { gt: new Date('2026-11-24T09:00:00Z') } } })).toBe(0);
    expect(await t.db.prisma.outboxJob.count()).toBe(jobs);
  });
});

describe('GET /api/pods', () => {
  it('answers 401 without the token', async () => {
    expect((await fetch(`${t.url}/api/pods`)).status).toBe(401);
  });

  it('lists every pod with advocates and current members', async () => {
    const res = await t.api('/api/pods');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      pods: [
        { name: 'cli', displayName: 'Cli', area: 'Command line', capacity: 9, archived: false, channel: null, advocates: ['UCAROL'], members: [] },
        {
          name: 'docs',
          displayName: 'Docs & Website',
          area: 'Documentation and the website',
          capacity: 9,
          archived: false,
          channel: null,
          advocates: ['UHELPER', 'UBOB'],
          members: [{ slackId: 'UMEMBER', githubLogin: 'Mem', level: 'newcomer', joinedAt: '2026-11-23T09:00:00.000Z' }],
        },
        {
          name: 'legacy',
          displayName: 'Legacy',
          area: 'The old build',
          capacity: 9,
          archived: true,
          channel: null,
          advocates: ['UOLD'],
          members: [{ slackId: 'ULEGACY', githubLogin: null, level: 'newcomer', joinedAt: '2026-11-23T09:00:00.000Z' }],
        },
      ],
    });
  });
});
