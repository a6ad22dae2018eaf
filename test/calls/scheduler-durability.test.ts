import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { callEntry, postedKeys, secondConnection, tickAt } from './call-app';

// Exactly-once reminders: across restarts (downtime in the middle of a reminder window) and with
// two app instances ticking at the same time against one database. On `npm run test:postgres` the
// second instance has its own connection pool, as a second replica would.

const config = {
  calls: [
    callEntry({ reminders: ['24h', '1h', '15m'] }),
    callEntry({
      slug: 'office-hours',
      name: 'Office hours',
      channel: 'C0OFFICE',
      time: '08:30',
      timezone: 'America/Los_Angeles',
      reminders: ['24h', '1h'],
    }),
  ],
};

describe('calls scheduler restarts', () => {
  const clock = new TestClock(new Date('2026-11-24T16:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, config });
  });
  afterAll(() => t?.stop());

  async function restart(): Promise<void> {
    await t.stop({ keepDatabase: true, keepFakes: true });
    t = await startTestApp({ clock, config, db: t.db, slack: t.slack, github: t.github });
  }

  it('sends a reminder that fell due while the app was down, once, when it comes back before the call', async () => {
    await tickAt(t, clock, '2026-11-24T16:00:00Z');
    expect(postedKeys(t, 'C0CALLS')).toEqual([]);

    await t.stop({ keepDatabase: true, keepFakes: true });
    clock.set('2026-11-24T18:00:00Z'); // the 24h reminder was due at 16:30Z
    t = await startTestApp({ clock, config, db: t.db, slack: t.slack, github: t.github });
    await tickAt(t, clock, '2026-11-24T18:00:00Z');
    await tickAt(t, clock, '2026-11-24T18:01:00Z');
    await restart();
    await tickAt(t, clock, '2026-11-24T18:02:00Z');

    expect(postedKeys(t, 'C0CALLS')).toEqual(['calls:community-call/2026-11-25T16:30:00Z/reminder:24h']);
  });

  it('records a reminder missed during downtime past the start as missed, logs it, and does not post it', async () => {
    await t.stop({ keepDatabase: true, keepFakes: true });
    clock.set('2026-11-25T16:40:00Z'); // 1h (15:30Z) and 15m (16:15Z) were due; the call started at 16:30Z
    t = await startTestApp({ clock, config, db: t.db, slack: t.slack, github: t.github });
    await tickAt(t, clock, '2026-11-25T16:40:00Z');
    await tickAt(t, clock, '2026-11-25T16:41:00Z');

    // The round-robin is still useful while the call runs, so it goes out; the reminders do not.
    expect(postedKeys(t, 'C0CALLS')).toEqual([
      'calls:community-call/2026-11-25T16:30:00Z/reminder:24h',
      'calls:community-call/2026-11-25T16:30:00Z/round-robin',
    ]);
    const claims = await t.db.prisma.reminderClaim.findMany({
      where: { callSlug: 'community-call', occurrenceStart: new Date('2026-11-25T16:30:00Z') },
      orderBy: { key: 'asc' },
      select: { key: true, status: true },
    });
    expect(claims).toEqual([
      { key: 'community-call/2026-11-25T16:30:00Z/reminder:15m', status: 'missed' },
      { key: 'community-call/2026-11-25T16:30:00Z/reminder:1h', status: 'missed' },
      { key: 'community-call/2026-11-25T16:30:00Z/reminder:24h', status: 'sent' },
      { key: 'community-call/2026-11-25T16:30:00Z/round-robin', status: 'sent' },
    ]);
    const missedLogs = t.logs
      .filter((line) => line.msg === 'calls: reminder missed; not posted' && line.claimKey.startsWith('community-call/'))
      .map((line) => [line.claimKey, line.missedBecause]);
    expect(missedLogs.sort()).toEqual([
      ['community-call/2026-11-25T16:30:00Z/reminder:15m', 'started'],
      ['community-call/2026-11-25T16:30:00Z/reminder:1h', 'started'],
    ]);
  });

  it('posts the follow-up after the end, once, across a restart', async () => {
    await tickAt(t, clock, '2026-11-25T17:30:00Z');
    await restart();
    await tickAt(t, clock, '2026-11-25T17:31:00Z');
    expect(postedKeys(t, 'C0CALLS').slice(2)).toEqual(['calls:community-call/2026-11-25T16:30:00Z/follow-up']);
  });
});

describe('calls scheduler with two app instances on one database', () => {
  const clock = new TestClock(new Date('2026-11-30T09:00:00Z'));
  let a: TestApp;
  let b: TestApp;
  let closeSecond: () => Promise<void>;

  beforeAll(async () => {
    a = await startTestApp({ clock, config });
    const second = await secondConnection(a.db);
    closeSecond = second.close;
    b = await startTestApp({ clock, config, db: second.db, slack: a.slack, github: a.github });
  });
  afterAll(async () => {
    await b?.stop({ keepDatabase: true, keepFakes: true });
    await closeSecond?.();
    await a?.stop();
  });

  it('posts every reminder exactly once while both tick concurrently', async () => {
    const instants = [
      '2026-12-01T16:30:00Z',
      '2026-12-02T15:30:00Z',
      '2026-12-02T16:15:00Z',
      '2026-12-02T16:25:00Z',
      '2026-12-02T17:30:00Z',
    ];
    for (const instant of instants) {
      clock.set(instant);
      // Several overlapping passes per instance, as if cron fired on both replicas (and late).
      await Promise.all([1, 2, 3].flatMap(() => [a.app.runTask('calls'), b.app.runTask('calls')]));
      await Promise.all([a.drain(), b.drain()]);
    }

    expect(postedKeys(a, 'C0CALLS')).toEqual([
      'calls:community-call/2026-12-02T16:30:00Z/reminder:24h',
      'calls:community-call/2026-12-02T16:30:00Z/reminder:1h',
      'calls:community-call/2026-12-02T16:30:00Z/reminder:15m',
      'calls:community-call/2026-12-02T16:30:00Z/round-robin',
      'calls:community-call/2026-12-02T16:30:00Z/follow-up',
    ]);
    // 08:30 in Los Angeles is 16:30Z in winter: the same instants, different keys.
    expect(postedKeys(a, 'C0OFFICE')).toEqual([
      'calls:office-hours/2026-12-02T16:30:00Z/reminder:24h',
      'calls:office-hours/2026-12-02T16:30:00Z/reminder:1h',
      'calls:office-hours/2026-12-02T16:30:00Z/round-robin',
      'calls:office-hours/2026-12-02T16:30:00Z/follow-up',
    ]);
    expect(await a.db.prisma.reminderClaim.count()).toBe(9);
  });
});
