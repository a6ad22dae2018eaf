import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { commandReply } from './app-helpers';

let t: TestApp;
const clock = new TestClock(new Date('2026-11-23T09:00:00Z')); // a Monday
beforeAll(async () => {
  t = await startTestApp({
    clock,
    config: {
      pods: [{ name: 'docs', area: 'Documentation', labels: ['area/docs'], advocates: ['UALICE'] }],
      calls: [
        { slug: 'community-call', name: 'Community call', channel: 'C0CALLS', schedule: { every: 'week', weekday: 'wednesday' }, time: '16:00', timezone: 'Europe/London', link: 'https://meet.example.org/podbot', themes: ['contribute'] },
      ],
    },
  });
  await commandReply(t, '/join-pod', 'docs', 'UNEWBIE');
});
afterAll(() => t?.stop());

function homeFor(user: string) {
  return t.slack.callsTo('views.publish').filter((call) => call.args.user_id === user).at(-1)?.args.view;
}

async function openHome(user: string) {
  const before = t.slack.callsTo('views.publish').length;
  expect((await t.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1700000000.000100' })).status).toBe(200);
  const deadline = Date.now() + 10_000;
  while (t.slack.callsTo('views.publish').length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return homeFor(user);
}

const texts = (view: any): string[] => view.blocks.map((block: any) => block.text?.text ?? block.elements?.[0]?.text ?? block.type);

describe('App Home', () => {
  it('shows a member their pod with its members and advocate, and the next community call', async () => {
    const view = await openHome('UNEWBIE');
    expect(view.type).toBe('home');
    expect(texts(view)).toEqual([
      'Your pods',
      '*Docs* `docs` · 1/9 · advocate <@UALICE>\nDocumentation',
      'Members: <@UNEWBIE> (newcomer)',
      'divider',
      'Next community call',
      '*Community call*, <!date^1795622400^{date_short_pretty} at {time}|2026-11-25 16:00 UTC>\nTheme: contribute\n<https://meet.example.org/podbot|Join the call>',
    ]);
  });

  it('shows an advocate the recent newcomers and activity in their pod, GitHub mentions included', async () => {
    const delivered = await t.webhook('issues', {
      action: 'opened',
      repository: { name: 'app', full_name: 'octo/app', owner: { login: 'octo' } },
      issue: { number: 5, title: 'Broken link', html_url: 'https://github.com/octo/app/issues/5', labels: [{ name: 'area/docs' }], user: { login: 'reporter', type: 'User' }, created_at: clock.now().toISOString() },
    });
    expect(delivered.status).toBe(202);
    const view = await openHome('UALICE');
    const lines = texts(view);
    // The pods part of the Home; care's sections follow it (test/care).
    expect(lines.slice(lines.indexOf('Advocate: Docs'), lines.indexOf('Advocate: Docs') + 3)).toEqual([
      'Advocate: Docs',
      '*Recent newcomers*\n• <@UNEWBIE>, joined <!date^1795424400^{date_short_pretty}|2026-11-23 09:00 UTC>',
      '*Recent activity*\n' +
        '• <https://github.com/octo/app/issues/5|Issue octo/app#5: Broken link by reporter> · <!date^1795424400^{date_short_pretty}|2026-11-23 09:00 UTC>\n' +
        '• <@UNEWBIE> joined · <!date^1795424400^{date_short_pretty}|2026-11-23 09:00 UTC>',
    ]);
  });

  it('ignores app_home_opened for the Messages tab', async () => {
    const before = t.slack.callsTo('views.publish').length;
    await t.event({ type: 'app_home_opened', user: 'UNEWBIE', channel: 'D0HOME', tab: 'messages', event_ts: '1700000000.000200' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.slack.callsTo('views.publish')).toHaveLength(before);
  });
});
