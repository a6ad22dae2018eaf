import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const config = {
  admins: ['U0ADMIN'],
  pods: [{ name: 'docs', area: 'The website and guides', labels: ['area/docs'], advocates: ['U0ADVOCATE'] }],
  welcome: {
    community: 'Podland',
    message: 'Welcome to {community}, {name}! Read {contributing}.',
    contributingUrl: 'https://podland.example/contributing',
    channels: ['C0HELLO'],
    channelGreeting: 'ephemeral',
  },
};

function teamJoin(id: string, extra: Record<string, unknown> = {}) {
  return { type: 'team_join', user: { id, name: id.toLowerCase(), real_name: `Person ${id}`, is_bot: false, profile: { display_name: id }, ...extra } };
}

/** Messages that actually reached a user's DM (the fake keeps history only for successful posts). */
function dmsDelivered(t: TestApp, userId: string) {
  return t.slack.history.get(`D${userId.slice(1)}`) ?? [];
}

async function until(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Events are acked before their listener runs: wait for the listener's outbox job, then for delivery. */
async function deliveredJob(t: TestApp, key: string, drain: { includeFuture?: boolean } = {}) {
  await until(async () => (await t.db.prisma.outboxJob.count({ where: { key } })) === 1, `outbox job ${key}`);
  await t.drain(drain);
}

describe('slack welcome', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config });
  });
  afterAll(async () => {
    await t?.stop({ keepFakes: true });
    await t?.slack.stop();
    await t?.github.stop();
  });

  it('sends a new member one welcome DM from the template, with Pick a Pod and Link GitHub buttons', async () => {
    const res = await t.event(teamJoin('U0ANN'));
    expect(res.status).toBe(200);
    await deliveredJob(t, 'welcome:slack:U0ANN');
    const sent = t.slack.messagesTo('U0ANN');
    expect(sent).toHaveLength(1);
    expect(sent[0].args.text).toBe('Welcome to Podland, <@U0ANN>! Read https://podland.example/contributing.');
    expect(sent[0].args.blocks[1].elements.map((e: any) => e.action_id)).toEqual(['welcome_pick_pod', 'welcome_link_github']);
    const job = await t.db.prisma.outboxJob.findUnique({ where: { key: 'welcome:slack:U0ANN' } });
    expect(job).toMatchObject({ status: 'done', result: { ok: true, channel: 'D0ANN' } });
  });

  it('sends one DM when Slack retries the event (x-slack-retry-num)', async () => {
    const first = await t.event(teamJoin('U0BOB'), { eventId: 'EvRETRY1' });
    const retry1 = await t.event(teamJoin('U0BOB'), { eventId: 'EvRETRY1', retryNum: 1 });
    const retry2 = await t.event(teamJoin('U0BOB'), { eventId: 'EvRETRY1', retryNum: 2 });
    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]);
    await deliveredJob(t, 'welcome:slack:U0BOB');
    expect(t.slack.messagesTo('U0BOB')).toHaveLength(1);
  });

  it('sends one DM when the same user arrives in several events at once, with new event ids', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => t.event(teamJoin('U0CAT'), { eventId: `EvCAT${i}` })));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200]);
    await deliveredJob(t, 'welcome:slack:U0CAT');
    const later = await t.event(teamJoin('U0CAT'), { eventId: 'EvCATLATER' });
    expect(later.status).toBe(200);
    // Another person's welcome, sent after the repeat, marks that the repeat has been handled.
    await t.event(teamJoin('U0CAT2'));
    await deliveredJob(t, 'welcome:slack:U0CAT2');
    expect(t.slack.messagesTo('U0CAT')).toHaveLength(1);
  });

  it('does not welcome bots', async () => {
    await t.event(teamJoin('U0BOT', { is_bot: true }));
    await t.event(teamJoin('U0HUMAN'));
    await deliveredJob(t, 'welcome:slack:U0HUMAN');
    expect(t.slack.messagesTo('U0BOT')).toHaveLength(0);
    expect(await t.db.prisma.outboxJob.count({ where: { key: 'welcome:slack:U0BOT' } })).toBe(0);
  });

  it('greets a member joining a configured channel once, visible only to them, and stays quiet elsewhere', async () => {
    const join = { type: 'member_joined_channel', user: 'U0DAN', channel: 'C0HELLO', channel_type: 'C', team: 'T0FAKE' };
    await t.event(join);
    await t.event(join);
    await t.event({ ...join, channel: 'C0RANDOM' });
    await deliveredJob(t, 'welcome:channel:C0HELLO:U0DAN');
    const greetings = t.slack.callsTo('chat.postEphemeral').filter((call) => call.args.user === 'U0DAN');
    expect(greetings).toHaveLength(1);
    expect(greetings[0].args).toMatchObject({ channel: 'C0HELLO', text: 'Welcome to <#C0HELLO>, <@U0DAN>! Say hello and tell us what brings you here.' });
    expect(t.slack.calls.filter((call) => call.args.channel === 'C0RANDOM')).toHaveLength(0);
  });

  it('answers Pick a Pod with the pod picker', async () => {
    const res = await t.action({
      type: 'block_actions',
      user: { id: 'U0ANN' },
      channel: { id: 'D0ANN' },
      actions: [{ type: 'button', action_id: 'welcome_pick_pod', block_id: 'welcome_next_steps', value: 'U0ANN', action_ts: '1' }],
    });
    expect(res.status).toBe(200);
    await until(async () => t.slack.callsTo('response_url').length > 0, 'the picker');
    const picker = t.slack.callsTo('response_url').at(-1)!.args;
    expect(picker.replace_original).toBe(false);
    const joinButtons = picker.blocks.flatMap((b: any) => (b.accessory ? [[b.accessory.action_id, b.accessory.value]] : []));
    expect(joinButtons).toEqual([['join_pod', 'docs']]);
  });

  it('opens the Link GitHub modal, and links the login submitted in it', async () => {
    t.github.addUser('AnnCodes');
    const res = await t.action({
      type: 'block_actions',
      user: { id: 'U0ANN' },
      trigger_id: 'trigger-link-1',
      actions: [{ type: 'button', action_id: 'welcome_link_github', block_id: 'welcome_next_steps', value: 'U0ANN', action_ts: '1' }],
    });
    expect(res.status).toBe(200);
    await until(async () => t.slack.callsTo('views.open').length > 0, 'views.open');
    const opened = t.slack.callsTo('views.open')[0].args;
    expect(opened.trigger_id).toBe('trigger-link-1');
    expect(opened.view.callback_id).toBe('welcome_link_github_modal');

    const submit = (value: string, viewId: string) =>
      t.action({
        type: 'view_submission',
        user: { id: 'U0ANN' },
        view: { id: viewId, callback_id: 'welcome_link_github_modal', type: 'modal', state: { values: { github_login: { login: { type: 'plain_text_input', value } } } } },
      });
    const bad = await submit('not a login', 'V0BAD');
    expect(await bad.json()).toEqual({
      response_action: 'errors',
      errors: { github_login: 'That is not a GitHub login: letters, digits and single hyphens, at most 39 characters.' },
    });

    const good = await submit('anncodes', 'V0GOOD');
    expect(good.status).toBe(200);
    await until(async () => (await t.db.prisma.outboxJob.count({ where: { key: 'identity:link-result:V0GOOD' } })) === 1, 'the link result');
    await t.drain();
    const me = await t.db.prisma.contributor.findUnique({ where: { slackUserId: 'U0ANN' } });
    expect(me).toMatchObject({ githubLogin: 'AnnCodes', level: 'newcomer', levelSource: 'ledger' });
    expect(t.slack.messagesTo('U0ANN').at(-1)!.args.text).toBe(
      'Linked you to GitHub as *AnnCodes*. From your contributions we see you as a *newcomer*. `/unlink-github` undoes this.',
    );
  });

  it('delivers a welcome exactly once after Slack answers 429 with Retry-After', async () => {
    t.slack.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    await t.event(teamJoin('U0EVE'));
    await deliveredJob(t, 'welcome:slack:U0EVE', { includeFuture: true });
    expect(t.slack.messagesTo('U0EVE')).toHaveLength(2);
    expect(dmsDelivered(t, 'U0EVE')).toHaveLength(1);
    expect(await t.db.prisma.outboxJob.findUnique({ where: { key: 'welcome:slack:U0EVE' } })).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('resumes a pending welcome after a restart and sends it once', async () => {
    t.slack.failNext('chat.postMessage', 1, { status: 500 });
    await t.event(teamJoin('U0FAY'));
    await until(async () => (await t.db.prisma.outboxJob.findUnique({ where: { key: 'welcome:slack:U0FAY' } }))?.lastError != null, 'the failed attempt');
    await t.stop({ keepDatabase: true, keepFakes: true });
    expect(dmsDelivered(t, 'U0FAY')).toHaveLength(0);

    t = await startTestApp({ config, db: t.db, slack: t.slack, github: t.github });
    await t.drain({ includeFuture: true });
    expect(dmsDelivered(t, 'U0FAY')).toHaveLength(1);
    expect(await t.db.prisma.outboxJob.findUnique({ where: { key: 'welcome:slack:U0FAY' } })).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('does not send again after a restart when the earlier send reached Slack but was not recorded', async () => {
    await t.event(teamJoin('U0GUS'));
    await deliveredJob(t, 'welcome:slack:U0GUS');
    expect(dmsDelivered(t, 'U0GUS')).toHaveLength(1);
    // What a crash between Slack's answer and our bookkeeping leaves behind: a job still "sending", its lease gone.
    await t.db.prisma.outboxJob.update({ where: { key: 'welcome:slack:U0GUS' }, data: { status: 'sending', lockedUntil: new Date('2020-01-01T00:00:00Z'), result: undefined } });
    await t.stop({ keepDatabase: true, keepFakes: true });

    t = await startTestApp({ config, db: t.db, slack: t.slack, github: t.github });
    await t.drain();
    expect(dmsDelivered(t, 'U0GUS')).toHaveLength(1);
    expect(t.slack.messagesTo('U0GUS')).toHaveLength(1);
    expect(await t.db.prisma.outboxJob.findUnique({ where: { key: 'welcome:slack:U0GUS' } })).toMatchObject({ status: 'done', result: { recovered: true } });
  });

  // Last in the file: the fake keeps this answer for every later chat.postMessage.
  it('records a permanent failure on the job, in the logs and in /metrics', async () => {
    t.slack.respond('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
    await t.event(teamJoin('U0HAL'));
    await deliveredJob(t, 'welcome:slack:U0HAL');
    const job = await t.db.prisma.outboxJob.findUnique({ where: { key: 'welcome:slack:U0HAL' } });
    expect(job).toMatchObject({ status: 'failed', lastError: 'channel_not_found: channel_not_found' });
    expect(t.logs.some((line) => line.msg === 'outbox: job failed permanently' && line.key === 'welcome:slack:U0HAL')).toBe(true);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('podbot_outbox_failed_total{target="slack",method="chat.postMessage",error="channel_not_found"} 1');
  });
});
