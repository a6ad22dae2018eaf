import ICAL from 'ical.js';
import { expandWithIcalJs } from './expand-with-ical-js';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine } from '../../src/calls/core/feeds/ics-text';
import { listOccurrences } from '../../src/calls/core/occurrences/list-occurrences';
import { renderIcs } from '../../src/calls/core/feeds/render-ics';
import type { CallConfig, SkipOverride } from '../../src/calls/types';
import { aCall } from './a-call';

const NOW = new Date('2026-10-01T12:00:00Z');


function icsFor(calls: CallConfig[], skipOverrides: SkipOverride[] = []): string {
  return renderIcs(calls, skipOverrides, NOW, { calendarName: 'Community calls' });
}

describe('render-ics', () => {
  const london = aCall();
  const losAngeles = aCall({ slug: 'la-call', name: 'LA call', time: '09:00', timezone: 'America/Los_Angeles' });

  it('writes CRLF line endings and no line longer than 75 octets', () => {
    const ics = icsFor([aCall({ name: `Community call ${'für alle, '.repeat(12)}` })]);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('describes each call with a stable UID, TZID start, rule, duration and link', () => {
    const ics = icsFor([london]);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      [
        'BEGIN:VEVENT',
        'UID:community-call@podbot',
        'DTSTAMP:20261001T120000Z',
        'DTSTART;TZID=Europe/London:20250101T163000',
        'DURATION:PT60M',
        'RRULE:FREQ=WEEKLY;BYDAY=WE',
        'SUMMARY:Community call',
        'DESCRIPTION:Join: https://zoom.us/j/123',
        'LOCATION:https://zoom.us/j/123',
        'URL:https://zoom.us/j/123',
        'END:VEVENT',
      ].join('\r\n'),
    );
    expect(unfolded).toContain('X-WR-CALNAME:Community calls');
  });

  it('expands in ical.js to the same UTC instants across the London changes of October 2026 and March 2027', () => {
    const ics = icsFor([london]);
    expect(expandWithIcalJs(ics, 'community-call@podbot', '2026-10-20T00:00:00.000Z', '2026-11-01T00:00:00.000Z')).toEqual([
      '2026-10-21T15:30:00.000Z',
      '2026-10-28T16:30:00.000Z',
    ]);
    expect(expandWithIcalJs(ics, 'community-call@podbot', '2027-03-20T00:00:00.000Z', '2027-04-01T00:00:00.000Z')).toEqual([
      '2027-03-24T16:30:00.000Z',
      '2027-03-31T15:30:00.000Z',
    ]);
  });

  it('expands in ical.js to the same UTC instants across the Los Angeles change of March 2027', () => {
    const ics = icsFor([london, losAngeles]);
    expect(expandWithIcalJs(ics, 'la-call@podbot', '2027-03-08T00:00:00.000Z', '2027-03-20T00:00:00.000Z')).toEqual([
      '2027-03-10T17:00:00.000Z',
      '2027-03-17T16:00:00.000Z',
    ]);
  });

  it('agrees with list-occurrences for two years of weekly, fortnightly and monthly calls', () => {
    const calls = [
      london,
      losAngeles,
      aCall({ slug: 'fortnightly', schedule: { every: 'weeks', interval: 2, weekday: 'thursday', anchor: '2026-11-05' } }),
      aCall({ slug: 'monthly-last', schedule: { every: 'month', weekday: 'wednesday', nth: -1 } }),
      aCall({ slug: 'monthly-second', timezone: 'America/Los_Angeles', time: '10:00', schedule: { every: 'month', weekday: 'tuesday', nth: 2 } }),
    ];
    const ics = icsFor(calls);
    const [from, until] = [new Date('2026-10-01T00:00:00Z'), new Date('2028-10-01T00:00:00Z')];
    for (const call of calls) {
      const ours = listOccurrences(call, from, { until }).map((occurrence) => occurrence.start.toISOString());
      expect(ours.length).toBeGreaterThan(20);
      expect(expandWithIcalJs(ics, `${call.slug}@podbot`, from.toISOString(), until.toISOString())).toEqual(ours);
    }
  });

  it('removes skipped dates from podbot.yml and from Slack with EXDATE, and keeps unskipped ones', () => {
    const call = aCall({ skip: [{ date: '2026-12-23', reason: 'holidays' }, { date: '2026-12-30' }] });
    const ics = icsFor(
      [call],
      [
        { callSlug: 'community-call', localDate: '2027-03-31', skipped: true, reason: 'Easter' },
        { callSlug: 'community-call', localDate: '2026-12-30', skipped: false },
      ],
    );
    expect(ics).toContain('EXDATE;TZID=Europe/London:20261223T163000\r\n');
    expect(ics).toContain('EXDATE;TZID=Europe/London:20270331T163000\r\n');
    expect(expandWithIcalJs(ics, 'community-call@podbot', '2026-12-15T00:00:00.000Z', '2027-01-07T00:00:00.000Z')).toEqual([
      '2026-12-16T16:30:00.000Z',
      '2026-12-30T16:30:00.000Z',
      '2027-01-06T16:30:00.000Z',
    ]);
    expect(expandWithIcalJs(ics, 'community-call@podbot', '2027-03-24T00:00:00.000Z', '2027-04-08T00:00:00.000Z')).toEqual([
      '2027-03-24T16:30:00.000Z',
      '2027-04-07T15:30:00.000Z',
    ]);
  });

  it('writes the rules for every-other-week and nth-weekday schedules', () => {
    const ics = icsFor([
      aCall({ slug: 'a', start: '2026-10-01', schedule: { every: 'weeks', interval: 2, weekday: 'wednesday', anchor: '2026-11-04' } }),
      aCall({ slug: 'b', schedule: { every: 'month', weekday: 'wednesday', nth: -1 } }),
      aCall({ slug: 'c', schedule: { every: 'month', weekday: 'tuesday', nth: 2 } }),
    ]);
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261007T163000\r\nDURATION:PT60M\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE\r\n');
    expect(ics).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1WE\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20250114T163000\r\nDURATION:PT60M\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU\r\n');
  });

  it('publishes one VTIMEZONE per zone with the yearly daylight-saving rules', () => {
    const ics = icsFor([london, losAngeles, aCall({ slug: 'second-london' })]);
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    expect(ics).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20250330T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT',
    );
    expect(ics).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nEND:STANDARD',
    );
  });

  it('writes a zone without daylight saving as one fixed offset', () => {
    const ics = icsFor([aCall({ timezone: 'Asia/Kolkata' })]);
    const vtimezone = ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VTIMEZONE'));
    expect(vtimezone.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Kolkata',
      'BEGIN:STANDARD',
      'DTSTART:20250101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'END:STANDARD',
      '',
    ]);
    expect(expandWithIcalJs(ics, 'community-call@podbot', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z')).toEqual([
      '2026-11-25T11:00:00.000Z',
    ]);
  });

  it('escapes text so commas, semicolons and backslashes survive a round trip', () => {
    const name = 'Build, ship; repeat \\o/';
    const ics = icsFor([aCall({ name })]);
    expect(ics).toContain('SUMMARY:Build\\, ship\\; repeat \\\\o/\r\n');
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('summary')).toBe(name);
  });
});

describe('ics text rules', () => {
  it('escapes newlines as \\n', () => {
    expect(escapeIcsText('line one\nline two\r\nthree')).toBe('line one\\nline two\\nthree');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'é'.repeat(40)}`;
    // "DESCRIPTION:" is 12 octets, each é is 2: 31 fit in the first line (74 octets), 32 would be 76.
    expect(foldIcsLine(line).split('\r\n')).toEqual([`DESCRIPTION:${'é'.repeat(31)}`, ` ${'é'.repeat(9)}`]);
  });
});
