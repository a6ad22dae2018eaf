import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { ask, callEntry } from './call-app';
import { expandWithIcalJs } from './expand-with-ical-js';

// The calendar feeds and the read API, over HTTP against the running app. The feeds are parsed
// with ical.js, an iCalendar parser independent of ours.

describe('calls feeds and API', () => {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      config: {
        admins: ['U0ADMIN'],
        calls: [
          callEntry({ start: '2026-11-04', skip: [{ date: '2026-12-23', reason: 'holidays' }] }),
          callEntry({
            slug: 'la-call',
            name: 'LA call',
            channel: 'C0LA',
            schedule: { every: 'week', weekday: 'sunday' },
            time: '09:00',
            timezone: 'America/Los_Angeles',
            themes: [],
            hosts: [],
            start: '2026-11-01',
          }),
        ],
      },
    });
    // A skip made from Slack, so the feed must combine podbot.yml and the database.
    const skip = await ask(t, 'community-call skip 2026-12-02 Maintainer summit', 'U0ADMIN');
    expect(skip.text).toContain('Skipped the Community call');
  });
  afterAll(() => t?.stop());

  describe('GET /calls.ics', () => {
    it('serves text/calendar that ical.js expands to the right instants, with Slack and podbot.yml skips left out', async () => {
      const res = await fetch(`${t.url}/calls.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const ics = await res.text();
      expect(expandWithIcalJs(ics, 'community-call@podbot', '2026-11-20T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
        '2026-11-25T16:30:00.000Z',
        '2026-12-09T16:30:00.000Z',
        '2026-12-16T16:30:00.000Z',
        '2026-12-30T16:30:00.000Z',
      ]);
    });

    it('keeps the local time across the March 2027 DST changes in both zones', async () => {
      const ics = await (await fetch(`${t.url}/calls.ics`)).text();
      expect(expandWithIcalJs(ics, 'community-call@podbot', '2027-03-20T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual([
        '2027-03-24T16:30:00.000Z',
        '2027-03-31T15:30:00.000Z',
      ]);
      expect(expandWithIcalJs(ics, 'la-call@podbot', '2027-03-06T00:00:00Z', '2027-03-22T00:00:00Z')).toEqual([
        '2027-03-07T17:00:00.000Z',
        '2027-03-14T16:00:00.000Z',
        '2027-03-21T16:00:00.000Z',
      ]);
    });

    it('states the rule with the time zone and the skips as EXDATEs', async () => {
      const ics = await (await fetch(`${t.url}/calls.ics`)).text();
      const lines = ics.split('\r\n');
      expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=WE');
      expect(lines).toContain('EXDATE;TZID=Europe/London:20261202T163000');
      expect(lines).toContain('EXDATE;TZID=Europe/London:20261223T163000');
      expect(lines).toContain('TZID:America/Los_Angeles');
    });
  });

  describe('GET /calls/<slug>.ics', () => {
    it('serves only that call', async () => {
      const res = await fetch(`${t.url}/calls/la-call.ics`);
      expect(res.status).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(await res.text()));
      expect(calendar.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('uid'))).toEqual(['la-call@podbot']);
    });

    it('answers 404 for a call that is not configured', async () => {
      const res = await fetch(`${t.url}/calls/no-such-call.ics`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('No call "no-such-call" is configured');
    });
  });

  describe('GET /api/calls', () => {
    it('requires the API token', async () => {
      expect((await fetch(`${t.url}/api/calls`)).status).toBe(401);
    });

    it('returns the next 4 occurrences of each call with theme, host, skips, agenda and RSVP counts', async () => {
      clock.set('2026-11-23T09:00:00Z');
      await ask(t, 'community-call agenda Release 1.2 plans');
      await ask(t, 'community-call agenda Good first issues');
      const nov25 = new Date('2026-11-25T16:30:00Z');
      await t.db.prisma.rsvp.createMany({
        data: [
          { callSlug: 'community-call', occurrenceStart: nov25, slackUserId: 'U0ANA', status: 'going' },
          { callSlug: 'community-call', occurrenceStart: nov25, slackUserId: 'U0BEN', status: 'going' },
          { callSlug: 'community-call', occurrenceStart: nov25, slackUserId: 'U0CAR', status: 'no' },
        ],
      });

      const res = await t.api('/api/calls');
      expect(res.status).toBe(200);
      const none = { going: 0, maybe: 0, no: 0 };
      expect(await res.json()).toEqual({
        calls: [
          {
            slug: 'community-call',
            name: 'Community call',
            timezone: 'Europe/London',
            channel: 'C0CALLS',
            next: [
              {
                start: '2026-11-25T16:30:00.000Z',
                end: '2026-11-25T17:30:00.000Z',
                theme: 'contribute',
                host: 'U0HOSTB',
                skipped: false,
                reason: null,
                agenda: ['Release 1.2 plans', 'Good first issues'],
                rsvps: { going: 2, maybe: 0, no: 1 },
              },
              {
                start: '2026-12-02T16:30:00.000Z',
                end: '2026-12-02T17:30:00.000Z',
                theme: 'build',
                host: 'U0HOSTA',
                skipped: true,
                reason: 'Maintainer summit',
                agenda: [],
                rsvps: none,
              },
              {
                start: '2026-12-09T16:30:00.000Z',
                end: '2026-12-09T17:30:00.000Z',
                theme: 'engage',
                host: 'U0HOSTB',
                skipped: false,
                reason: null,
                agenda: [],
                rsvps: none,
              },
              {
                start: '2026-12-16T16:30:00.000Z',
                end: '2026-12-16T17:30:00.000Z',
                theme: 'contribute',
                host: 'U0HOSTA',
                skipped: false,
                reason: null,
                agenda: [],
                rsvps: none,
              },
            ],
          },
          {
            slug: 'la-call',
            name: 'LA call',
            timezone: 'America/Los_Angeles',
            channel: 'C0LA',
            next: ['2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20'].map((day) => ({
              start: `${day}T17:00:00.000Z`,
              end: `${day}T18:00:00.000Z`,
              theme: null,
              host: null,
              skipped: false,
              reason: null,
              agenda: [],
              rsvps: none,
            })),
          },
        ],
      });
    });
  });
});
