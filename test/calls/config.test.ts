import { describe, expect, it } from 'vitest';
import { callsSection } from '../../src/calls/config';

const minimal = {
  slug: 'community-call',
  name: 'Community call',
  channel: 'C0123456789',
  schedule: { every: 'week', weekday: 'wednesday' },
  time: '16:30',
  timezone: 'Europe/London',
};

function messagesFor(calls: unknown): Array<{ path: string; message: string }> {
  const result = callsSection.safeParse(calls);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('calls config', () => {
  it('defaults to no calls when the section is missing', () => {
    expect(callsSection.parse(undefined)).toEqual([]);
  });

  it('fills in the documented defaults', () => {
    const [call] = callsSection.parse([minimal]);
    expect(call).toEqual({
      ...minimal,
      durationMinutes: 60,
      reminders: ['24h', '1h'],
      themes: [],
      hosts: [],
      skip: [],
      roundRobinMinutesBefore: 5,
    });
  });

  it('accepts every-few-weeks and monthly schedules, and weekday names in any case', () => {
    const [fortnightly, monthly] = callsSection.parse([
      { ...minimal, slug: 'a', schedule: { every: 'weeks', interval: 2, weekday: 'Wednesday', anchor: '2026-11-04' } },
      { ...minimal, slug: 'b', schedule: { every: 'month', weekday: 'tuesday', nth: -1 } },
    ]);
    expect(fortnightly.schedule).toEqual({ every: 'weeks', interval: 2, weekday: 'wednesday', anchor: '2026-11-04' });
    expect(monthly.schedule).toEqual({ every: 'month', weekday: 'tuesday', nth: -1 });
  });

  it('writes reminder offsets one way, so 1d and 24h are the same reminder', () => {
    const [call] = callsSection.parse([{ ...minimal, reminders: ['1d', '90m', '15m'] }]);
    expect(call.reminders).toEqual(['24h', '1h30m', '15m']);
    expect(messagesFor([{ ...minimal, reminders: ['60m', '1h'] }])).toEqual([
      { path: '0.reminders.1', message: 'reminder 1h is listed twice' },
    ]);
  });

  it('explains a time zone it does not know', () => {
    expect(messagesFor([{ ...minimal, timezone: 'London' }])).toEqual([
      { path: '0.timezone', message: 'expected an IANA time zone like Europe/London, got "London"' },
    ]);
  });

  it('names the path of a slug used twice', () => {
    expect(messagesFor([minimal, { ...minimal, channel: 'C999' }])).toEqual([
      { path: '1.slug', message: 'slug "community-call" is already used by calls[0]; each call needs its own slug' },
    ]);
  });

  it('explains a time that YAML read as a number and a weekday it does not know', () => {
    expect(messagesFor([{ ...minimal, time: 990, schedule: { every: 'week', weekday: 'wensday' } }])).toEqual([
      { path: '0.schedule.weekday', message: 'expected a weekday like wednesday' },
      { path: '0.time', message: 'expected a 24-hour time in quotes like "16:30"' },
    ]);
  });

  it('refuses an anchor that is not on the weekday of the call', () => {
    const schedule = { every: 'weeks', interval: 2, weekday: 'wednesday', anchor: '2026-11-03' };
    expect(messagesFor([{ ...minimal, schedule }])).toEqual([
      { path: '0.schedule.anchor', message: 'anchor 2026-11-03 is a tuesday, but the call is on wednesdays' },
    ]);
  });

  it('refuses a skip date on which the call does not happen', () => {
    expect(messagesFor([{ ...minimal, skip: [{ date: '2026-12-23' }, { date: '2026-12-24' }] }])).toEqual([
      { path: '0.skip.1.date', message: '2026-12-24 is not a date this call happens on, so skipping it would do nothing' },
    ]);
  });

  it('refuses impossible dates, unknown schedules and wrong nth values', () => {
    expect(
      messagesFor([
        { ...minimal, slug: 'a', start: '2026-02-30' },
        { ...minimal, slug: 'b', schedule: { every: 'year', weekday: 'monday' } },
        { ...minimal, slug: 'c', schedule: { every: 'month', weekday: 'monday', nth: 5 } },
      ]),
    ).toEqual([
      { path: '0.start', message: 'expected a date like 2026-11-25, got "2026-02-30"' },
      { path: '1.schedule.every', message: 'expected every: week, weeks (with interval and anchor) or month (with nth)' },
      { path: '2.schedule.nth', message: 'expected nth to be 1, 2, 3, 4 or -1 (the last one in the month)' },
    ]);
  });

  it('refuses a channel name and a host name in place of Slack ids', () => {
    expect(messagesFor([{ ...minimal, channel: '#community', hosts: ['@alex'] }])).toEqual([
      { path: '0.channel', message: 'expected a Slack channel id like C0123456789 (not a #name)' },
      { path: '0.hosts.0', message: 'expected a Slack user id like U0123456789 (not a @name)' },
    ]);
  });
});
