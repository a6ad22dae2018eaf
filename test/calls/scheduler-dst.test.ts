import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { callEntry, walk } from './call-app';

// Reminders across daylight-saving changes, driven through the real app: the clock moves, the
// scheduler task runs as node-cron would run it, and we read what reached (fake) Slack and when.
// Every call keeps its local wall-clock time; "24h before" is 24 elapsed hours.

describe('calls scheduler across DST changes', () => {
  const clock = new TestClock(new Date('2026-02-01T00:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      config: {
        calls: [
          callEntry({
            slug: 'london',
            name: 'London call',
            channel: 'C0LONDON',
            schedule: { every: 'week', weekday: 'sunday' },
            time: '16:30',
            timezone: 'Europe/London',
            start: '2026-03-01',
          }),
          callEntry({
            slug: 'la',
            name: 'LA call',
            channel: 'C0LA',
            schedule: { every: 'week', weekday: 'sunday' },
            time: '09:00',
            timezone: 'America/Los_Angeles',
            start: '2026-02-01',
          }),
        ],
      },
    });
  });
  afterAll(() => t?.stop());

  it('America/Los_Angeles: 09:00 is 17:00Z before the 2nd Sunday of March and 16:00Z from that day', async () => {
    const timeline = await walk(t, clock, 'C0LA', [
      '2026-02-28T16:59:00Z',
      '2026-02-28T17:00:00Z',
      '2026-03-07T15:59:00Z',
      '2026-03-07T16:00:00Z',
      '2026-03-07T17:00:00Z',
      '2026-03-08T14:59:00Z',
      '2026-03-08T15:00:00Z',
      '2026-03-08T15:54:00Z',
      '2026-03-08T15:55:00Z',
      '2026-03-08T16:59:00Z',
      '2026-03-08T17:00:00Z',
    ]);
    expect(timeline).toEqual([
      ['2026-02-28T16:59:00Z', []],
      ['2026-02-28T17:00:00Z', ['calls:la/2026-03-01T17:00:00Z/reminder:24h']],
      ['2026-03-07T15:59:00Z', []],
      ['2026-03-07T16:00:00Z', ['calls:la/2026-03-08T16:00:00Z/reminder:24h']],
      ['2026-03-07T17:00:00Z', []],
      ['2026-03-08T14:59:00Z', []],
      ['2026-03-08T15:00:00Z', ['calls:la/2026-03-08T16:00:00Z/reminder:1h']],
      ['2026-03-08T15:54:00Z', []],
      ['2026-03-08T15:55:00Z', ['calls:la/2026-03-08T16:00:00Z/round-robin']],
      ['2026-03-08T16:59:00Z', []],
      ['2026-03-08T17:00:00Z', ['calls:la/2026-03-08T16:00:00Z/follow-up']],
    ]);
  });

  it('Europe/London: 16:30 moves from 16:30Z to 15:30Z on the last Sunday of March', async () => {
    const timeline = await walk(t, clock, 'C0LONDON', [
      '2026-03-21T16:29:00Z',
      '2026-03-21T16:30:00Z',
      '2026-03-28T15:29:00Z',
      '2026-03-28T15:30:00Z',
      '2026-03-28T16:30:00Z',
      '2026-03-29T14:29:00Z',
      '2026-03-29T14:30:00Z',
      '2026-03-29T15:24:00Z',
      '2026-03-29T15:25:00Z',
      '2026-03-29T16:29:00Z',
      '2026-03-29T16:30:00Z',
    ]);
    expect(timeline).toEqual([
      ['2026-03-21T16:29:00Z', []],
      ['2026-03-21T16:30:00Z', ['calls:london/2026-03-22T16:30:00Z/reminder:24h']],
      ['2026-03-28T15:29:00Z', []],
      ['2026-03-28T15:30:00Z', ['calls:london/2026-03-29T15:30:00Z/reminder:24h']],
      ['2026-03-28T16:30:00Z', []],
      ['2026-03-29T14:29:00Z', []],
      ['2026-03-29T14:30:00Z', ['calls:london/2026-03-29T15:30:00Z/reminder:1h']],
      ['2026-03-29T15:24:00Z', []],
      ['2026-03-29T15:25:00Z', ['calls:london/2026-03-29T15:30:00Z/round-robin']],
      ['2026-03-29T16:29:00Z', []],
      ['2026-03-29T16:30:00Z', ['calls:london/2026-03-29T15:30:00Z/follow-up']],
    ]);
  });

  it('states the local time and the summer-time offset in the reminder', () => {
    const reminder = t.slack.messagesTo('C0LONDON').find((call) => call.args.metadata.event_payload.key === 'calls:london/2026-03-29T15:30:00Z/reminder:24h');
    expect(reminder?.args.text).toBe('London call: Sunday 29 March 2026, 16:30 (Europe/London, UTC+01:00), theme: build');
  });

  it('Europe/London: 16:30 moves from 15:30Z back to 16:30Z on the last Sunday of October', async () => {
    const timeline = await walk(t, clock, 'C0LONDON', [
      '2026-10-17T15:30:00Z',
      '2026-10-24T15:30:00Z',
      '2026-10-24T16:29:00Z',
      '2026-10-24T16:30:00Z',
      '2026-10-25T15:29:00Z',
      '2026-10-25T15:30:00Z',
      '2026-10-25T16:24:00Z',
      '2026-10-25T16:25:00Z',
      '2026-10-25T17:29:00Z',
      '2026-10-25T17:30:00Z',
    ]);
    expect(timeline).toEqual([
      ['2026-10-17T15:30:00Z', ['calls:london/2026-10-18T15:30:00Z/reminder:24h']],
      ['2026-10-24T15:30:00Z', []],
      ['2026-10-24T16:29:00Z', []],
      ['2026-10-24T16:30:00Z', ['calls:london/2026-10-25T16:30:00Z/reminder:24h']],
      ['2026-10-25T15:29:00Z', []],
      ['2026-10-25T15:30:00Z', ['calls:london/2026-10-25T16:30:00Z/reminder:1h']],
      ['2026-10-25T16:24:00Z', []],
      ['2026-10-25T16:25:00Z', ['calls:london/2026-10-25T16:30:00Z/round-robin']],
      ['2026-10-25T17:29:00Z', []],
      ['2026-10-25T17:30:00Z', ['calls:london/2026-10-25T16:30:00Z/follow-up']],
    ]);
  });
});
