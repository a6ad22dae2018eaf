import { describe, expect, it } from 'vitest';
import { renderCancellationMessage } from '../../src/calls/core/messages/render-cancellation-message';
import { renderFollowUpMessage } from '../../src/calls/core/messages/render-follow-up-message';
import { renderHelpText } from '../../src/calls/core/messages/render-help-text';
import { renderLinkPostedMessage } from '../../src/calls/core/messages/render-link-posted-message';
import { renderNextReply } from '../../src/calls/core/messages/render-next-reply';
import { renderReminderMessage } from '../../src/calls/core/messages/render-reminder-message';
import { renderRoundRobinMessage } from '../../src/calls/core/messages/render-round-robin-message';
import { renderScheduleReply } from '../../src/calls/core/messages/render-schedule-reply';
import type { DescribedOccurrence } from '../../src/calls/types';
import { aCall } from './a-call';

const call = aCall();
const ICS = 'https://podbot.example.org/calls/community-call.ics';
const KEY = 'community-call/2026-11-25T16:30:00Z';

function anOccurrence(fields: Partial<DescribedOccurrence> = {}): DescribedOccurrence {
  return {
    callSlug: 'community-call',
    index: 0,
    localDate: '2026-11-25',
    start: new Date('2026-11-25T16:30:00Z'),
    end: new Date('2026-11-25T17:30:00Z'),
    key: KEY,
    theme: 'build',
    host: 'U0000000A',
    skipped: false,
    ...fields,
  };
}

/** All mrkdwn and plain text in the blocks, to search in. */
function allText(message: { blocks: unknown[] }): string {
  return JSON.stringify(message.blocks);
}

describe('renderReminderMessage', () => {
  const message = renderReminderMessage({
    call,
    occurrence: anOccurrence(),
    agenda: ['Release 1.2 <beta> & docs'],
    rsvps: { going: 3, maybe: 1, no: 0 },
    icsUrl: ICS,
  });

  it('names the time, theme, host, link and agenda, escaping user text', () => {
    const details = (message.blocks[1] as { text: { text: string } }).text.text;
    expect(details).toBe(
      [
        '*When:* <!date^1795624200^{date_long_pretty} at {time}|Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00)>, Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00)',
        '*Theme:* build',
        '*Host:* <@U0000000A>',
        '*Join:* <https://zoom.us/j/123|https://zoom.us/j/123>',
      ].join('\n'),
    );
    expect((message.blocks[2] as { text: { text: string } }).text.text).toBe('*Agenda:*\n• Release 1.2 &lt;beta&gt; &amp; docs');
    expect(message.text).toBe('Community call: Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00), theme: build');
  });

  it('has RSVP buttons with counts whose value is the occurrence key', () => {
    expect(message.blocks[3]).toEqual({
      type: 'actions',
      block_id: 'call_rsvp',
      elements: [
        { type: 'button', action_id: 'call_rsvp_going', text: { type: 'plain_text', text: 'Going (3)', emoji: true }, value: KEY, style: 'primary' },
        { type: 'button', action_id: 'call_rsvp_maybe', text: { type: 'plain_text', text: 'Maybe (1)', emoji: true }, value: KEY },
        { type: 'button', action_id: 'call_rsvp_no', text: { type: 'plain_text', text: "Can't make it (0)", emoji: true }, value: KEY },
      ],
    });
  });

  it('links the calendar feed', () => {
    expect(allText(message)).toContain(`<${ICS}|Add the calendar>`);
  });

  it('invites topics when the agenda is empty and lists at most ten', () => {
    const empty = renderReminderMessage({ call, occurrence: anOccurrence(), agenda: [], rsvps: { going: 0, maybe: 0, no: 0 }, icsUrl: ICS });
    expect(allText(empty)).toContain('nothing yet. Add a topic with `/community-call agenda <topic>`.');
    const long = renderReminderMessage({
      call,
      occurrence: anOccurrence(),
      agenda: Array.from({ length: 12 }, (_, i) => `topic ${i + 1}`),
      rsvps: { going: 0, maybe: 0, no: 0 },
      icsUrl: ICS,
    });
    expect(allText(long)).toContain('• topic 10\\n…and 2 more');
    expect(allText(long)).not.toContain('topic 11');
  });
});

describe('renderNextReply', () => {
  it("shows the reader's time and the call's time", () => {
    const reply = renderNextReply({
      call,
      occurrence: anOccurrence(),
      agenda: [],
      rsvps: { going: 2, maybe: 0, no: 1 },
      readerTimezone: 'America/Los_Angeles',
      icsUrl: ICS,
    });
    const text = allText(reply);
    expect(text).toContain('*Your time:* Wednesday 25 November 2026, 08:30 (America/Los_Angeles, UTC-08:00)');
    expect(text).toContain('*Call time:* Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00)');
    expect(text).toContain("*RSVPs:* 2 going, 0 maybe, 1 can't make it");
  });

  it("leaves out the reader's time when Slack gave no zone or the same zone", () => {
    for (const readerTimezone of [undefined, 'Not/AZone', 'Europe/London']) {
      const reply = renderNextReply({ call, occurrence: anOccurrence(), agenda: [], rsvps: { going: 0, maybe: 0, no: 0 }, readerTimezone, icsUrl: ICS });
      expect(allText(reply)).not.toContain('Your time');
    }
  });

  it('says so when no call is scheduled', () => {
    const reply = renderNextReply({ call, occurrence: undefined, agenda: [], rsvps: { going: 0, maybe: 0, no: 0 }, icsUrl: ICS });
    expect(reply.text).toBe('No Community call is scheduled. Check `/community-call schedule` later.');
  });
});

describe('renderScheduleReply', () => {
  it('lists upcoming dates and strikes out skipped ones with their reason', () => {
    const reply = renderScheduleReply(
      call,
      [
        anOccurrence(),
        anOccurrence({ localDate: '2026-12-02', start: new Date('2026-12-02T16:30:00Z'), skipped: true, skipReason: 'KubeCon', theme: 'engage' }),
      ],
      ICS,
    );
    const text = (reply.blocks[0] as { text: { text: string } }).text.text;
    expect(text.split('\n')).toEqual([
      '*Upcoming Community call*',
      '• <!date^1795624200^{date_long_pretty} at {time}|Wed 25 Nov 2026, 16:30 Europe/London> (Wed 25 Nov 2026, 16:30 Europe/London), theme *build*, host <@U0000000A>',
      '• ~Wed 2 Dec 2026, 16:30 Europe/London~ skipped: KubeCon',
    ]);
  });
});

describe('renderCancellationMessage', () => {
  it('says which call is cancelled, why, by whom and when the next one is', () => {
    const message = renderCancellationMessage({
      call,
      occurrence: anOccurrence(),
      reason: 'KubeCon',
      cancelledBy: 'U0000000B',
      next: anOccurrence({ start: new Date('2026-12-02T16:30:00Z') }),
    });
    expect((message.blocks[0] as { text: { text: string } }).text.text).toBe(
      [
        '🚫 *Community call on Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00) is cancelled.*',
        'Reason: KubeCon',
        'Cancelled by <@U0000000B>.',
        'Next call: Wednesday 2 December 2026, 16:30 (Europe/London, UTC+00:00).',
      ].join('\n'),
    );
  });

  it('escapes the reason in the notification text as well as in the blocks', () => {
    const message = renderCancellationMessage({ call, occurrence: anOccurrence(), reason: '<!channel> & <@U0000000C>' });
    expect(message.text).toBe(
      'Community call on Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00) is cancelled: &lt;!channel&gt; &amp; &lt;@U0000000C&gt;',
    );
    expect(allText(message)).not.toContain('<!channel>');
  });
});

describe('renderRoundRobinMessage', () => {
  it('numbers everyone going in the same order whatever order they answered in', () => {
    const going = ['U0000000C', 'U0000000A', 'U0000000B'];
    const first = renderRoundRobinMessage(call, anOccurrence(), going);
    const second = renderRoundRobinMessage(call, anOccurrence(), [...going].reverse());
    expect(second).toEqual(first);
    const lines = (first.blocks[0] as { text: { text: string } }).text.text.split('\n').slice(1);
    expect(lines.map((line) => line.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
    expect(lines.map((line) => line.slice(3)).sort()).toEqual(['<@U0000000A>', '<@U0000000B>', '<@U0000000C>']);
  });

  it('invites everyone when nobody said Going', () => {
    expect(renderRoundRobinMessage(call, anOccurrence(), []).text).toBe(
      'Community call starts soon. Nobody said Going yet: everyone who joins, say where you are at!',
    );
  });
});

describe('renderFollowUpMessage', () => {
  it('posts the notes and recording links when both are set', () => {
    const message = renderFollowUpMessage({ call, occurrence: anOccurrence(), notesUrl: 'https://hackmd.io/n', recordingUrl: 'https://youtu.be/r' });
    expect((message.blocks[0] as { text: { text: string } }).text.text).toBe(
      '🙏 Thanks for joining the Community call!\n*Notes:* <https://hackmd.io/n|https://hackmd.io/n>\n*Recording:* <https://youtu.be/r|https://youtu.be/r>',
    );
  });

  it('asks the host for whatever link is missing', () => {
    const message = renderFollowUpMessage({ call, occurrence: anOccurrence(), notesUrl: 'https://hackmd.io/n' });
    expect(allText(message)).toContain('<@U0000000A>, please add the links with `/community-call recording <url>`.');
    const noHost = renderFollowUpMessage({ call, occurrence: anOccurrence({ host: undefined }) });
    expect(allText(noHost)).toContain(
      'Whoever has them, please add the links with `/community-call notes <url>` and `/community-call recording <url>`.',
    );
  });
});

describe('renderHelpText', () => {
  it('lists the subcommands, and the call slugs when there are several', () => {
    expect(allText(renderHelpText(['community-call']))).toContain('`/community-call skip <YYYY-MM-DD> [reason]`');
    const several = allText(renderHelpText(['community-call', 'contributor-sync']));
    expect(several).toContain('`/community-call [call] next`');
    expect(several).toContain('Calls: `community-call`, `contributor-sync`');
  });
});

describe('renderLinkPostedMessage', () => {
  it('posts the link with the call it belongs to and who added it', () => {
    const message = renderLinkPostedMessage(call, anOccurrence(), 'recording', 'https://youtu.be/r', 'U0000000B');
    expect(message.text).toBe('Recording for the Community call on Wednesday 25 November 2026, 16:30 (Europe/London, UTC+00:00): https://youtu.be/r');
    expect(allText(message)).toContain('<https://youtu.be/r|https://youtu.be/r> (added by <@U0000000B>)');
  });
});
