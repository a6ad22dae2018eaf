import { describe, expect, it } from 'vitest';
import { findDueReminders } from '../../src/calls/core/reminders/find-due-reminders';
import type { SkipOverride } from '../../src/calls/types';
import { aCall } from './a-call';

// The call of 2026-11-25 starts 16:30Z and ends 17:30Z (London is on GMT).
const KEY = 'community-call/2026-11-25T16:30:00Z';
const call = aCall();

function due(now: string, claimed: string[] = [], skipOverrides: SkipOverride[] = [], calls = [call]) {
  return findDueReminders(calls, { claimed: new Set(claimed), skipOverrides }, new Date(now)).map((reminder) => ({
    claimKey: reminder.claimKey,
    action: reminder.action,
    missedBecause: reminder.missedBecause,
    dueAt: reminder.dueAt.toISOString(),
  }));
}

describe('find-due-reminders', () => {
  it('has nothing due between calls', () => {
    expect(due('2026-11-24T12:00:00Z')).toEqual([]);
  });

  it('makes the 24h reminder due exactly 24 hours before the start', () => {
    expect(due('2026-11-24T16:29:59Z')).toEqual([]);
    expect(due('2026-11-24T16:30:00Z')).toEqual([
      { claimKey: `${KEY}/reminder:24h`, action: 'send', missedBecause: undefined, dueAt: '2026-11-24T16:30:00.000Z' },
    ]);
  });

  it('does not report a reminder again once it is claimed', () => {
    expect(due('2026-11-24T18:00:00Z', [`${KEY}/reminder:24h`])).toEqual([]);
  });

  it('still sends a reminder missed during downtime when the call has not started', () => {
    expect(due('2026-11-25T10:00:00Z')).toEqual([
      { claimKey: `${KEY}/reminder:24h`, action: 'send', missedBecause: undefined, dueAt: '2026-11-24T16:30:00.000Z' },
    ]);
  });

  it('sends only the latest of several overdue reminders and marks the others superseded', () => {
    expect(due('2026-11-25T16:00:00Z')).toEqual([
      { claimKey: `${KEY}/reminder:24h`, action: 'missed', missedBecause: 'superseded', dueAt: '2026-11-24T16:30:00.000Z' },
      { claimKey: `${KEY}/reminder:1h`, action: 'send', missedBecause: undefined, dueAt: '2026-11-25T15:30:00.000Z' },
    ]);
    expect(due('2026-11-25T16:00:00Z', [`${KEY}/reminder:24h`])).toEqual([
      { claimKey: `${KEY}/reminder:1h`, action: 'send', missedBecause: undefined, dueAt: '2026-11-25T15:30:00.000Z' },
    ]);
  });

  it('posts the round-robin order five minutes before the start', () => {
    expect(due('2026-11-25T16:25:00Z', [`${KEY}/reminder:24h`, `${KEY}/reminder:1h`])).toEqual([
      { claimKey: `${KEY}/round-robin`, action: 'send', missedBecause: undefined, dueAt: '2026-11-25T16:25:00.000Z' },
    ]);
  });

  it('reports a reminder as missed once the call has started, but still posts the round-robin during the call', () => {
    expect(due('2026-11-25T16:40:00Z', [`${KEY}/reminder:24h`])).toEqual([
      { claimKey: `${KEY}/reminder:1h`, action: 'missed', missedBecause: 'started', dueAt: '2026-11-25T15:30:00.000Z' },
      { claimKey: `${KEY}/round-robin`, action: 'send', missedBecause: undefined, dueAt: '2026-11-25T16:25:00.000Z' },
    ]);
  });

  it('after the end reports everything unsent as missed and sends the follow-up', () => {
    expect(due('2026-11-25T17:45:00Z')).toEqual([
      { claimKey: `${KEY}/reminder:24h`, action: 'missed', missedBecause: 'started', dueAt: '2026-11-24T16:30:00.000Z' },
      { claimKey: `${KEY}/reminder:1h`, action: 'missed', missedBecause: 'started', dueAt: '2026-11-25T15:30:00.000Z' },
      { claimKey: `${KEY}/round-robin`, action: 'missed', missedBecause: 'ended', dueAt: '2026-11-25T16:25:00.000Z' },
      { claimKey: `${KEY}/follow-up`, action: 'send', missedBecause: undefined, dueAt: '2026-11-25T17:30:00.000Z' },
    ]);
  });

  it('forgets occurrences that ended more than a day ago', () => {
    expect(due('2026-11-26T17:29:00Z', [`${KEY}/reminder:24h`, `${KEY}/reminder:1h`, `${KEY}/round-robin`])).toEqual([
      { claimKey: `${KEY}/follow-up`, action: 'send', missedBecause: undefined, dueAt: '2026-11-25T17:30:00.000Z' },
    ]);
    expect(due('2026-11-26T17:31:00Z')).toEqual([]);
  });

  it('has nothing due for an occurrence skipped in Slack or in podbot.yml, until it is unskipped', () => {
    const skippedInSlack: SkipOverride = { callSlug: 'community-call', localDate: '2026-11-25', skipped: true };
    expect(due('2026-11-25T16:00:00Z', [], [skippedInSlack])).toEqual([]);
    const skippedInConfig = aCall({ skip: [{ date: '2026-11-25' }] });
    expect(due('2026-11-25T16:00:00Z', [`${KEY}/reminder:24h`], [], [skippedInConfig])).toEqual([]);
    const unskipped: SkipOverride = { callSlug: 'community-call', localDate: '2026-11-25', skipped: false };
    expect(due('2026-11-25T16:00:00Z', [`${KEY}/reminder:24h`], [unskipped], [skippedInConfig])).toEqual([
      { claimKey: `${KEY}/reminder:1h`, action: 'send', missedBecause: undefined, dueAt: '2026-11-25T15:30:00.000Z' },
    ]);
  });

  it('computes reminders in local time across the spring change, for several calls at once', () => {
    // 2027-03-31 16:30 London is 15:30Z (BST); the Los Angeles call on 2027-03-17 09:00 is 16:00Z (PDT)
    // while London, still on GMT, meets at 16:30Z that day.
    const london = aCall({ reminders: ['1h'] });
    const losAngeles = aCall({ slug: 'la-call', time: '09:00', timezone: 'America/Los_Angeles', reminders: ['15m'] });
    expect(due('2027-03-31T14:30:00Z', [], [], [london, losAngeles]).map((r) => r.claimKey)).toEqual([
      'community-call/2027-03-31T15:30:00Z/reminder:1h',
    ]);
    expect(due('2027-03-17T15:45:00Z', [], [], [london, losAngeles]).map((r) => r.claimKey)).toEqual([
      'community-call/2027-03-17T16:30:00Z/reminder:1h',
      'la-call/2027-03-17T16:00:00Z/reminder:15m',
    ]);
  });
});
