import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { ask, blocksText, callEntry, postedKeys, tickAt, waitFor } from './call-app';

// /community-call end to end: signed slash commands into the real app, answers read from the ack
// or the response_url, channel posts read from the fake Slack.

describe('/community-call', () => {
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
            slug: 'office-hours',
            name: 'Office hours',
            channel: 'C0OFFICE',
            schedule: { every: 'week', weekday: 'thursday' },
            time: '18:00',
            themes: [],
            hosts: ['U0HOSTC'],
          }),
          callEntry({ slug: 'future-call', name: 'Future call', channel: 'C0FUTURE', start: '2027-01-06' }),
        ],
      },
    });
    t.slack.users.set('U0READER', { id: 'U0READER', tz: 'America/New_York' });
  });
  afterAll(() => t?.stop());

  /** Channel posts whose outbox key starts with `prefix`, as the texts people read. */
  async function postsTo(channel: string, prefix: string, count = 1): Promise<string[]> {
    return waitFor(() => {
      const posts = t.slack.messagesTo(channel).filter((call) => String(call.args.metadata?.event_payload?.key).startsWith(prefix));
      return posts.length >= count && posts.map((call) => blocksText(call.args.blocks));
    }, `${count} post(s) ${prefix} in ${channel}`);
  }

  describe('help and refusals', () => {
    it('lists every subcommand with the call slug placeholder when several calls are configured', async () => {
      const reply = await ask(t, 'help');
      expect(reply.via).toBe('ack');
      expect(reply.shown).toContain('`/community-call [call] skip <YYYY-MM-DD> [reason]`: cancel a call (hosts and admins)');
      expect(reply.shown).toContain('Calls: `community-call`, `office-hours`, `future-call`');
    });

    it('explains an unknown subcommand and suggests the closest one', async () => {
      const reply = await ask(t, 'shedule');
      expect(reply.text).toBe('`shedule` is not something I know. Did you mean `schedule`? Type `/community-call help` to see what works.');
    });

    it('asks which call is meant when several are configured and the channel does not tell', async () => {
      const reply = await ask(t, 'next', 'U0MEMBER', 'C0GENERAL');
      expect(reply.text).toBe(
        'Several calls are set up (`community-call`, `office-hours`, `future-call`). Put the call first, like `/community-call community-call next`.',
      );
    });

    it('refuses skip to someone who is neither a host nor an admin, and says who can', async () => {
      const reply = await ask(t, 'community-call skip 2026-12-02', 'U0MEMBER');
      expect(reply.text).toBe(
        'Only the hosts of the Community call and podbot admins can skip a call. Ask a host (<@U0HOSTA>, <@U0HOSTB>) or an admin.',
      );
      expect(await t.db.prisma.callSkip.count()).toBe(0);
    });

    it('refuses to skip a date the call does not happen on and names dates that work', async () => {
      clock.set('2026-11-23T09:00:00Z');
      const reply = await ask(t, 'community-call skip 2026-12-03', 'U0HOSTA');
      expect(reply.text).toBe(
        'The Community call does not happen on 2026-12-03. Upcoming dates: `2026-11-25`, `2026-12-02`, `2026-12-09`.',
      );
    });

    it('refuses notes for a call that has not happened yet', async () => {
      const reply = await ask(t, 'future-call notes https://example.com/notes');
      expect(reply.text).toBe('No Future call has taken place yet, so there is no call to attach the notes to.');
    });
  });

  describe('next and schedule', () => {
    it('answers next in the reader’s own time zone and in the call’s, with theme, host and RSVPs', async () => {
      clock.set('2026-11-23T09:00:00Z');
      const reply = await ask(t, 'community-call next', 'U0READER');
      expect(reply.via).toBe('respond');
      expect(reply.shown).toContain('*Your time:* Wednesday 25 November 2026, 11:30 (America/New_York, UTC-05:00)');
      expect(reply.shown).toContain('*Call time:* Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00)');
      expect(reply.shown).toContain('*Theme:* contribute');
      expect(reply.shown).toContain('*Host:* <@U0HOSTB>');
      expect(reply.shown).toContain("*RSVPs:* 0 going, 0 maybe, 0 can't make it");
      expect(reply.shown).toContain('<https://podbot.example.org/calls/community-call.ics|Add the calendar>');
      expect(t.slack.callsTo('users.info').some((call) => call.args.user === 'U0READER')).toBe(true);
    });

    it('picks the call of the channel the command is typed in', async () => {
      clock.set('2026-11-23T09:00:00Z');
      const reply = await ask(t, 'next', 'U0MEMBER', 'C0OFFICE');
      expect(reply.text).toBe('Next Office hours: Thursday 26 November 2026, 18:00 (Europe/London, UTC+00:00)');
    });

    it('lists the next 4 occurrences with skipped ones struck out and their reason', async () => {
      clock.set('2026-12-03T09:00:00Z');
      const reply = await ask(t, 'community-call schedule');
      const lines = reply.shown.split('\n').filter((line) => line.startsWith('•'));
      expect(lines).toHaveLength(4);
      expect(lines[0]).toContain('theme *engage*, host <@U0HOSTB>');
      expect(lines[2]).toBe('• ~Wed 23 Dec 2026, 16:30 Europe/London~ skipped: holidays');
    });
  });

  describe('agenda', () => {
    it('adds a topic to the next call and shows it in that call’s reminder', async () => {
      clock.set('2026-11-23T09:00:00Z');
      const reply = await ask(t, 'community-call agenda Release 1.2 plans', 'U0MEMBER');
      expect(reply.text).toBe(
        'Added “Release 1.2 plans” to the agenda of the Community call on Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00).',
      );
      await tickAt(t, clock, '2026-11-24T16:30:00Z');
      const reminder = t.slack.messagesTo('C0CALLS').find(
        (call) => call.args.metadata?.event_payload?.key === 'calls:community-call/2026-11-25T16:30:00Z/reminder:24h',
      );
      const shown = blocksText(reminder?.args.blocks);
      expect(shown).toContain('*Agenda:*\n• Release 1.2 plans');
      expect(shown).toContain('*Theme:* contribute');
      expect(shown).toContain('*Host:* <@U0HOSTB>');
      expect(shown).toContain('*Join:* <https://zoom.us/j/123|https://zoom.us/j/123>');
      expect(shown).toContain('<https://podbot.example.org/calls/community-call.ics|Add the calendar>');
      expect(shown).toContain('Going (0)');
    });
  });

  describe('skip and unskip', () => {
    const dec2 = 'community-call/2026-12-02T16:30:00Z';

    it('lets a host skip: the cancellation is posted at once and the reminders are not sent', async () => {
      clock.set('2026-11-26T09:00:00Z');
      const reply = await ask(t, 'community-call skip 2026-12-02 Maintainer summit', 'U0HOSTA');
      expect(reply.text).toBe(
        'Skipped the Community call on Wednesday 2 December 2026, 16:30 (Europe/London, UTC+00:00). Its reminders will not be sent, and I posted the cancellation in <#C0CALLS>.',
      );
      const [cancellation] = await postsTo('C0CALLS', `calls:skip:${dec2}`);
      expect(cancellation).toBe(
        '🚫 *Community call on Wednesday 2 December 2026, 16:30 (Europe/London, UTC+00:00) is cancelled.*\nReason: Maintainer summit\nCancelled by <@U0HOSTA>.\nNext call: Wednesday 9 December 2026, 16:30 (Europe/London, UTC+00:00).',
      );

      await tickAt(t, clock, '2026-12-01T16:30:00Z');
      await tickAt(t, clock, '2026-12-02T15:30:00Z');
      expect(postedKeys(t, 'C0CALLS').filter((key) => key.startsWith(`calls:${dec2}`))).toEqual([]);
      const claims = await t.db.prisma.reminderClaim.count({ where: { callSlug: 'community-call', occurrenceStart: new Date('2026-12-02T16:30:00Z') } });
      expect(claims).toBe(0);
    });

    it('lets an admin unskip: the channel is told and the reminders go out again', async () => {
      clock.set('2026-12-02T15:40:00Z');
      const reply = await ask(t, 'community-call unskip 2026-12-02', 'U0ADMIN');
      expect(reply.text).toBe(
        'The Community call on Wednesday 2 December 2026, 16:30 (Europe/London, UTC+00:00) is back on; reminders will go out as usual. I told <#C0CALLS>.',
      );
      const [notice] = await postsTo('C0CALLS', `calls:unskip:${dec2}`);
      expect(notice).toBe(
        '✅ *Community call on Wednesday 2 December 2026, 16:30 (Europe/London, UTC+00:00) is back on.*\nReinstated by <@U0ADMIN>. Reminders will follow as usual.',
      );
      expect(await t.db.prisma.callSkip.count({ where: { callSlug: 'community-call', localDate: '2026-12-02' } })).toBe(0);

      await tickAt(t, clock, '2026-12-02T15:41:00Z');
      // Both reminders fell due while skipped; only the latest-planned one is worth sending now.
      expect(postedKeys(t, 'C0CALLS').filter((key) => key.startsWith(`calls:${dec2}`))).toEqual([`calls:${dec2}/reminder:1h`]);
    });

    it('unskips a date skipped in podbot.yml, so its reminders go out', async () => {
      clock.set('2026-12-10T09:00:00Z');
      const reply = await ask(t, 'community-call unskip 2026-12-23', 'U0ADMIN');
      expect(reply.text).toContain('is back on');
      const row = await t.db.prisma.callSkip.findUnique({
        where: { callSlug_localDate: { callSlug: 'community-call', localDate: '2026-12-23' } },
      });
      expect(row).toMatchObject({ skipped: false, createdBy: 'U0ADMIN' });

      await tickAt(t, clock, '2026-12-22T16:30:00Z');
      expect(postedKeys(t, 'C0CALLS')).toContain('calls:community-call/2026-12-23T16:30:00Z/reminder:24h');
    });

    it('refuses to unskip a call that is not skipped', async () => {
      clock.set('2026-12-10T09:00:00Z');
      const reply = await ask(t, 'community-call unskip 2026-12-16', 'U0HOSTB');
      expect(reply.text).toBe('The Community call of 2026-12-16 is not skipped.');
    });
  });

  describe('notes and recording', () => {
    it('attaches notes to the call that just happened, posts them, and the follow-up shows them and asks for the recording', async () => {
      clock.set('2026-11-26T18:45:00Z');
      const reply = await ask(t, 'office-hours notes <https://example.com/notes>', 'U0MEMBER');
      expect(reply.text).toBe(
        'Attached the notes to the Office hours on Thursday 26 November 2026, 18:00 (Europe/London, UTC+00:00) and posted the link in <#C0OFFICE>.',
      );
      const [posted] = await postsTo('C0OFFICE', 'calls:notes:office-hours/2026-11-26T18:00:00Z');
      expect(posted).toBe(
        '*Notes* for the Office hours on Thursday 26 November 2026, 18:00 (Europe/London, UTC+00:00): <https://example.com/notes|https://example.com/notes> (added by <@U0MEMBER>)',
      );

      await tickAt(t, clock, '2026-11-26T19:00:00Z');
      const [followUp] = await postsTo('C0OFFICE', 'calls:office-hours/2026-11-26T18:00:00Z/follow-up');
      expect(followUp).toBe(
        '🙏 Thanks for joining the Office hours!\n*Notes:* <https://example.com/notes|https://example.com/notes>\n<@U0HOSTC>, please add the links with `/community-call recording <url>`.',
      );
    });

    it('attaches a recording after the call and posts it to the channel', async () => {
      clock.set('2026-11-27T10:00:00Z');
      await ask(t, 'office-hours recording https://example.com/video', 'U0HOSTC');
      const [posted] = await postsTo('C0OFFICE', 'calls:recording:office-hours/2026-11-26T18:00:00Z');
      expect(posted).toContain('*Recording* for the Office hours on Thursday 26 November 2026');
      const artifact = await t.db.prisma.callArtifact.findFirst({ where: { callSlug: 'office-hours' } });
      expect([artifact?.notesUrl, artifact?.recordingUrl]).toEqual(['https://example.com/notes', 'https://example.com/video']);
    });
  });
});
