import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { blocksText, callEntry, clickRsvp, postedKeys, tickAt, waitFor } from './call-app';

// RSVP buttons on reminders: answers are stored and every posted reminder of the occurrence is
// edited in place (chat.update) with the new counts.

const OCCURRENCE = 'community-call/2026-11-25T16:30:00Z';

describe('call RSVPs', () => {
  const clock = new TestClock(new Date('2026-11-24T16:30:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { calls: [callEntry({ start: '2026-11-04' })] } });
  });
  afterAll(() => t?.stop());

  /** Channel and ts of a posted reminder, from the fake Slack's channel history. */
  function postedMessage(key: string): { channel: string; ts: string } {
    const message = (t.slack.history.get('C0CALLS') ?? []).find((entry) => entry.metadata?.event_payload.key === `calls:${key}`);
    if (!message) throw new Error(`no message ${key}`);
    return { channel: 'C0CALLS', ts: message.ts };
  }

  /** The button labels of the message as Slack now shows it (after every chat.update). */
  function buttonsNow(ts: string): string[] {
    const message = (t.slack.history.get('C0CALLS') ?? []).find((entry) => entry.ts === ts);
    const actions = (message?.blocks as { type: string; elements?: { text: { text: string } }[] }[]).find((block) => block.type === 'actions');
    return actions?.elements?.map((element) => element.text.text) ?? [];
  }

  function updatesOf(ts: string) {
    return t.slack.callsTo('chat.update').filter((call) => call.args.ts === ts);
  }

  it('updates the reminder in place with chat.update when someone answers', async () => {
    await tickAt(t, clock, '2026-11-24T16:30:00Z');
    const reminder = postedMessage(`${OCCURRENCE}/reminder:24h`);
    expect(buttonsNow(reminder.ts)).toEqual(['Going (0)', 'Maybe (0)', "Can't make it (0)"]);

    await clickRsvp(t, 'U0ANA', 'call_rsvp_going', OCCURRENCE, reminder);
    const [update] = await waitFor(() => updatesOf(reminder.ts).length > 0 && updatesOf(reminder.ts), 'chat.update');
    expect(update.args.channel).toBe('C0CALLS');
    expect(blocksText(update.args.blocks)).toContain('Going (1)');
    expect(buttonsNow(reminder.ts)).toEqual(['Going (1)', 'Maybe (0)', "Can't make it (0)"]);

    const claim = await t.db.prisma.reminderClaim.findUnique({ where: { key: `${OCCURRENCE}/reminder:24h` } });
    expect([claim?.channel, claim?.messageTs]).toEqual(['C0CALLS', reminder.ts]);
    // The counts on the buttons are the answer: nothing is posted to the clicker.
    expect(t.slack.callsTo('response_url')).toEqual([]);
  });

  it('keeps one answer per person, so changing it moves the count', async () => {
    const reminder = postedMessage(`${OCCURRENCE}/reminder:24h`);
    const before = updatesOf(reminder.ts).length;
    await clickRsvp(t, 'U0BEN', 'call_rsvp_maybe', OCCURRENCE, reminder);
    await clickRsvp(t, 'U0CAR', 'call_rsvp_going', OCCURRENCE, reminder);
    await clickRsvp(t, 'U0ANA', 'call_rsvp_no', OCCURRENCE, reminder);
    await waitFor(() => updatesOf(reminder.ts).length >= before + 3, 'three more chat.update calls');

    // Edits of one message run one after another and each re-reads the answers, so the last one wins with the final counts.
    expect(buttonsNow(reminder.ts)).toEqual(['Going (1)', 'Maybe (1)', "Can't make it (1)"]);
    const answers = await t.db.prisma.rsvp.findMany({ orderBy: { slackUserId: 'asc' }, select: { slackUserId: true, status: true } });
    expect(answers).toEqual([
      { slackUserId: 'U0ANA', status: 'no' },
      { slackUserId: 'U0BEN', status: 'maybe' },
      { slackUserId: 'U0CAR', status: 'going' },
    ]);
  });

  it('updates every posted reminder of the occurrence, and a new reminder starts from the current counts', async () => {
    await tickAt(t, clock, '2026-11-25T15:30:00Z');
    const first = postedMessage(`${OCCURRENCE}/reminder:24h`);
    const second = postedMessage(`${OCCURRENCE}/reminder:1h`);
    expect(buttonsNow(second.ts)).toEqual(['Going (1)', 'Maybe (1)', "Can't make it (1)"]);

    await clickRsvp(t, 'U0DAN', 'call_rsvp_going', OCCURRENCE, second);
    await waitFor(
      () => buttonsNow(first.ts)[0] === 'Going (2)' && buttonsNow(second.ts)[0] === 'Going (2)',
      'both reminders to show Going (2)',
    );
  });

  it('posts the round-robin order of those who said Going, and only them', async () => {
    await tickAt(t, clock, '2026-11-25T16:25:00Z');
    const [roundRobin] = t.slack.messagesTo('C0CALLS').filter((call) => call.args.metadata.event_payload.key === `calls:${OCCURRENCE}/round-robin`);
    const lines = blocksText(roundRobin.args.blocks).split('\n').filter((line) => /^\d+\. /.test(line));
    expect(lines.map((line) => line.replace(/^\d+\. /, '')).sort()).toEqual(['<@U0CAR>', '<@U0DAN>']);
  });

  it('falls back to the outbox when chat.update fails, so the edit still lands', async () => {
    const first = postedMessage(`${OCCURRENCE}/reminder:24h`);
    const second = postedMessage(`${OCCURRENCE}/reminder:1h`);
    t.slack.failNext('chat.update', 1, { status: 200, body: { ok: false, error: 'internal_error' } });
    await clickRsvp(t, 'U0EVE', 'call_rsvp_maybe', OCCURRENCE, second);
    await waitFor(() => buttonsNow(first.ts)[1] === 'Maybe (2)' && buttonsNow(second.ts)[1] === 'Maybe (2)', 'both edits');
    const queued = await waitFor(async () => {
      const jobs = await t.db.prisma.outboxJob.findMany({ where: { key: { startsWith: `calls:update:${OCCURRENCE}/` } } });
      return jobs.length > 0 && jobs.every((job) => job.status === 'done') && jobs;
    }, 'the queued edit to be sent');
    // The first reminder's edit is the one that failed, so it is the one queued.
    expect(queued.map((job) => [job.key.startsWith(`calls:update:${OCCURRENCE}/reminder:24h:`), job.method])).toEqual([[true, 'chat.update']]);
  });

  it('refuses answers once the call is over, and says so', async () => {
    clock.set('2026-11-25T17:31:00Z');
    const reminder = postedMessage(`${OCCURRENCE}/reminder:1h`);
    await clickRsvp(t, 'U0FAY', 'call_rsvp_going', OCCURRENCE, reminder);
    const refusal = await waitFor(() => t.slack.callsTo('response_url').find((call) => String(call.args.text).includes('already over')), 'the refusal');
    expect(refusal.args.text).toBe('This Community call is already over, so answers are closed.');
    // A new ephemeral message: replacing the reminder would take its buttons away from everyone.
    expect(refusal.args.replace_original).toBe(false);
    expect(await t.db.prisma.rsvp.count({ where: { slackUserId: 'U0FAY' } })).toBe(0);
    expect(postedKeys(t, 'C0CALLS')).toHaveLength(3);
  });
});
