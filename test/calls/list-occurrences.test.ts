import { describe, expect, it } from 'vitest';
import { listOccurrences } from '../../src/calls/core/occurrences/list-occurrences';
import { aCall } from './a-call';

const starts = (occurrences: Array<{ start: Date }>) => occurrences.map((occurrence) => occurrence.start.toISOString());

describe('list-occurrences', () => {
  it('keeps 16:30 London time across the October 2026 change back to GMT', () => {
    const occurrences = listOccurrences(aCall(), new Date('2026-10-14T00:00:00Z'), { count: 4 });
    expect(starts(occurrences)).toEqual([
      '2026-10-14T15:30:00.000Z',
      '2026-10-21T15:30:00.000Z',
      '2026-10-28T16:30:00.000Z',
      '2026-11-04T16:30:00.000Z',
    ]);
    expect(occurrences.map((occurrence) => occurrence.localDate)).toEqual([
      '2026-10-14',
      '2026-10-21',
      '2026-10-28',
      '2026-11-04',
    ]);
  });

  it('keeps 16:30 London time across the March 2027 change to BST', () => {
    const occurrences = listOccurrences(aCall(), new Date('2027-03-20T00:00:00Z'), { count: 3 });
    expect(starts(occurrences)).toEqual(['2027-03-24T16:30:00.000Z', '2027-03-31T15:30:00.000Z', '2027-04-07T15:30:00.000Z']);
  });

  it('keeps 09:00 Los Angeles time across the second Sunday of March 2027', () => {
    const call = aCall({ time: '09:00', timezone: 'America/Los_Angeles' });
    const occurrences = listOccurrences(call, new Date('2027-03-08T00:00:00Z'), { count: 2 });
    expect(starts(occurrences)).toEqual(['2027-03-10T17:00:00.000Z', '2027-03-17T16:00:00.000Z']);
  });

  it('ends each occurrence after its duration and keys it by slug and UTC start', () => {
    const [occurrence] = listOccurrences(aCall({ durationMinutes: 45 }), new Date('2026-11-25T00:00:00Z'), { count: 1 });
    expect(occurrence).toMatchObject({
      callSlug: 'community-call',
      localDate: '2026-11-25',
      key: 'community-call/2026-11-25T16:30:00Z',
    });
    expect(occurrence.end.toISOString()).toBe('2026-11-25T17:15:00.000Z');
  });

  it('includes an occurrence starting exactly at `from` and stops before `until`', () => {
    const occurrences = listOccurrences(aCall(), new Date('2026-11-25T16:30:00Z'), {
      until: new Date('2026-12-09T16:30:00Z'),
    });
    expect(starts(occurrences)).toEqual(['2026-11-25T16:30:00.000Z', '2026-12-02T16:30:00.000Z']);
  });

  it('lists every other week in the phase of the anchor', () => {
    const call = aCall({ schedule: { every: 'weeks', interval: 2, weekday: 'wednesday', anchor: '2026-11-04' } });
    const occurrences = listOccurrences(call, new Date('2026-10-15T00:00:00Z'), { count: 3 });
    expect(starts(occurrences)).toEqual(['2026-10-21T15:30:00.000Z', '2026-11-04T16:30:00.000Z', '2026-11-18T16:30:00.000Z']);
  });

  it('lists the second Tuesday of each month, across the Los Angeles change to PDT', () => {
    const call = aCall({ time: '10:00', timezone: 'America/Los_Angeles', schedule: { every: 'month', weekday: 'tuesday', nth: 2 } });
    const occurrences = listOccurrences(call, new Date('2026-11-01T00:00:00Z'), { count: 6 });
    expect(starts(occurrences)).toEqual([
      '2026-11-10T18:00:00.000Z',
      '2026-12-08T18:00:00.000Z',
      '2027-01-12T18:00:00.000Z',
      '2027-02-09T18:00:00.000Z',
      '2027-03-09T18:00:00.000Z',
      '2027-04-13T17:00:00.000Z',
    ]);
  });

  it('lists the last Wednesday of each month', () => {
    const call = aCall({ schedule: { every: 'month', weekday: 'wednesday', nth: -1 } });
    const occurrences = listOccurrences(call, new Date('2026-10-01T00:00:00Z'), { until: new Date('2027-04-01T00:00:00Z') });
    expect(occurrences.map((occurrence) => occurrence.localDate)).toEqual([
      '2026-10-28',
      '2026-11-25',
      '2026-12-30',
      '2027-01-27',
      '2027-02-24',
      '2027-03-31',
    ]);
    expect(occurrences[5].start.toISOString()).toBe('2027-03-31T15:30:00.000Z');
  });

  it('starts at `start` and counts indexes from it', () => {
    const call = aCall({ start: '2026-10-07' });
    expect(listOccurrences(call, new Date('2026-01-01T00:00:00Z'), { count: 2 }).map((o) => [o.localDate, o.index])).toEqual([
      ['2026-10-07', 0],
      ['2026-10-14', 1],
    ]);
    expect(listOccurrences(call, new Date('2026-10-27T00:00:00Z'), { count: 1 }).map((o) => [o.localDate, o.index])).toEqual([
      ['2026-10-28', 3],
    ]);
  });

  it('counts monthly and every-other-week indexes in occurrences, not weeks', () => {
    const monthly = aCall({ start: '2026-10-29', schedule: { every: 'month', weekday: 'wednesday', nth: -1 } });
    expect(listOccurrences(monthly, new Date('2027-01-01T00:00:00Z'), { count: 1 }).map((o) => [o.localDate, o.index])).toEqual([
      ['2027-01-27', 2],
    ]);
    const fortnightly = aCall({
      start: '2026-10-01',
      schedule: { every: 'weeks', interval: 2, weekday: 'wednesday', anchor: '2026-11-04' },
    });
    expect(listOccurrences(fortnightly, new Date('2026-11-10T00:00:00Z'), { count: 1 }).map((o) => [o.localDate, o.index])).toEqual([
      ['2026-11-18', 3],
    ]);
  });

  it('gives an occurrence the same index whichever date the list starts from', () => {
    const fromEarly = listOccurrences(aCall(), new Date('2025-01-01T00:00:00Z'), { until: new Date('2026-12-01T00:00:00Z') });
    const fromLate = listOccurrences(aCall(), new Date('2026-11-20T00:00:00Z'), { count: 1 });
    // Without `start`, indexes count weeks from the first Wednesday of 1970 (1970-01-07).
    expect(fromLate[0]).toMatchObject({ localDate: '2026-11-25', index: 2968 });
    expect(fromEarly.find((o) => o.localDate === '2026-11-25')?.index).toBe(2968);
  });
});
