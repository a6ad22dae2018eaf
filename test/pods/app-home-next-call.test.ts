import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { ask } from '../calls/call-app';

// The App Home's "Next community call" is the next call that will be held: a date cancelled with
// `/community-call skip` (stored in the database, not in podbot.yml) must not be shown.

describe('App Home › next community call', () => {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z')); // a Monday
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      config: {
        admins: ['U0ADMIN'],
        calls: [
          { slug: 'community-call', name: 'Community call', channel: 'C0CALLS', schedule: { every: 'week', weekday: 'wednesday' }, time: '16:00', timezone: 'Europe/London', themes: ['contribute', 'build'] },
        ],
      },
    });
  });
  afterAll(() => t?.stop());

  async function nextCallShown(user: string): Promise<string> {
    const before = t.slack.callsTo('views.publish').length;
    expect((await t.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` })).status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (t.slack.callsTo('views.publish').length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const view = t.slack.callsTo('views.publish').at(-1)?.args.view;
    const blocks: any[] = view.blocks;
    const heading = blocks.findIndex((block) => block.text?.text === 'Next community call');
    return blocks[heading + 1].text.text;
  }

  it('shows the next call, and the one after once it is skipped from Slack', async () => {
    expect(await nextCallShown('U0VIEWER')).toBe('*Community call*, <!date^1795622400^{date_short_pretty} at {time}|2026-11-25 16:00 UTC>\nTheme: contribute');

    const reply = await ask(t, 'skip 2026-11-25 Maintainer summit', 'U0ADMIN');
    expect(reply.text).toContain('Skipped the Community call');

    expect(await nextCallShown('U0VIEWER')).toBe('*Community call*, <!date^1796227200^{date_short_pretty} at {time}|2026-12-02 16:00 UTC>\nTheme: build');
  });
});
