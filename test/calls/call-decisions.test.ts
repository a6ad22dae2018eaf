import { describe, expect, it } from 'vitest';
import { checkSkipPermission } from '../../src/calls/core/skips/check-skip-permission';
import { chooseCall } from '../../src/calls/core/command/choose-call';
import { countRsvps } from '../../src/calls/core/reminders/count-rsvps';
import { findNextHeld } from '../../src/calls/core/occurrences/find-next-held';
import { findOccurrenceByKey } from '../../src/calls/core/occurrences/find-occurrence-by-key';
import { resolveSkips } from '../../src/calls/core/skips/resolve-skips';
import { planSkipRow, readSkipRow } from '../../src/calls/core/skips/skip-row';
import { aCall } from './a-call';

const community = aCall({ hosts: ['U0HOST'], skip: [{ date: '2026-12-23', reason: 'holidays' }] });
const office = aCall({ slug: 'office-hours', name: 'Office hours', channel: 'C0OFFICE' });
const NOW = new Date('2026-11-23T09:00:00Z');

describe('choose-call', () => {
  it('takes the slug the user typed', () => {
    expect(chooseCall([community, office], 'office-hours', 'C0123456789')).toEqual({ ok: true, call: office });
  });

  it('takes the only call when the slug is left out', () => {
    expect(chooseCall([community], undefined, 'C0ELSEWHERE')).toEqual({ ok: true, call: community });
  });

  it('takes the call of the channel the command was typed in', () => {
    expect(chooseCall([community, office], undefined, 'C0OFFICE')).toEqual({ ok: true, call: office });
  });

  it('asks for a slug when several calls could be meant', () => {
    expect(chooseCall([community, office], undefined, 'C0GENERAL')).toEqual({
      ok: false,
      message: 'Several calls are set up (`community-call`, `office-hours`). Put the call first, like `/community-call community-call next`.',
    });
  });

  it('explains that no call is configured', () => {
    expect(chooseCall([], undefined, 'C0GENERAL')).toEqual({
      ok: false,
      message: 'No community calls are set up yet. An admin can add one to the `calls:` section of podbot.yml.',
    });
  });
});

describe('skip-row', () => {
  it('stores a skip as a row that reads back as a skip with its reason', () => {
    const change = planSkipRow(community, 'skip', '2026-12-02', 'U0HOST', 'summit');
    expect(change).toEqual({ kind: 'upsert', skipped: true, reason: 'summit', createdBy: 'U0HOST' });
    expect(readSkipRow({ callSlug: 'community-call', localDate: '2026-12-02', skipped: true, reason: 'summit', createdBy: 'U0HOST' })).toEqual({
      callSlug: 'community-call',
      localDate: '2026-12-02',
      skipped: true,
      reason: 'summit',
    });
  });

  it('deletes the row to unskip a date skipped from Slack', () => {
    expect(planSkipRow(community, 'unskip', '2026-12-02', 'U0HOST')).toEqual({ kind: 'delete' });
  });

  it('stores an unskip of a podbot.yml skip as a row that undoes the configured skip', () => {
    const change = planSkipRow(community, 'unskip', '2026-12-23', 'U0HOST');
    expect(change).toEqual({ kind: 'upsert', skipped: false, reason: null, createdBy: 'U0HOST' });
    const override = readSkipRow({ callSlug: 'community-call', localDate: '2026-12-23', skipped: false, reason: null, createdBy: 'U0HOST' });
    expect(override).toEqual({ callSlug: 'community-call', localDate: '2026-12-23', skipped: false });
    expect(resolveSkips(community, [override]).has('2026-12-23')).toBe(false);
  });
});

describe('check-skip-permission', () => {
  it('lets hosts and admins skip', () => {
    expect(checkSkipPermission(community, 'U0HOST', false, 'skip')).toEqual({ ok: true });
    expect(checkSkipPermission(community, 'U0ADMIN', true, 'unskip')).toEqual({ ok: true });
  });

  it('tells anyone else whom to ask', () => {
    expect(checkSkipPermission(community, 'U0MEMBER', false, 'unskip')).toEqual({
      ok: false,
      message: 'Only the hosts of the Community call and podbot admins can unskip a call. Ask a host (<@U0HOST>) or an admin.',
    });
  });
});

describe('find-occurrence-by-key', () => {
  it('finds the call and occurrence an RSVP button names', () => {
    const found = findOccurrenceByKey([community, office], 'community-call/2026-11-25T16:30:00Z');
    expect([found?.call.slug, found?.occurrence.localDate]).toEqual(['community-call', '2026-11-25']);
  });

  it('finds nothing for an instant the call no longer happens at, or an unknown call', () => {
    expect(findOccurrenceByKey([community], 'community-call/2026-11-25T15:30:00Z')).toBeUndefined();
    expect(findOccurrenceByKey([community], 'gone/2026-11-25T16:30:00Z')).toBeUndefined();
    expect(findOccurrenceByKey([community], 'not a key')).toBeUndefined();
  });
});

describe('find-next-held', () => {
  it('passes over skipped occurrences', () => {
    const next = findNextHeld(community, [{ callSlug: 'community-call', localDate: '2026-11-25', skipped: true }], NOW);
    expect(next?.localDate).toBe('2026-12-02');
  });
});

describe('count-rsvps', () => {
  it('counts each answer once by status', () => {
    expect(countRsvps([{ status: 'going' }, { status: 'no' }, { status: 'going' }, { status: 'maybe' }])).toEqual({ going: 2, maybe: 1, no: 1 });
  });
});
