import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { commandReply } from '../pods/app-helpers';
import { aPodMember } from './support';
import { issueComment, issueOpened } from '../newcomers/payloads';

const DAY = 86_400_000;
const TASK = 'care: weekly digest';
// Monday 2026-11-23; the digest is due at 09:00 in Berlin, 08:00Z.
const clock = new TestClock(new Date('2026-11-23T07:59:00Z'));
const config = {
  pods: [
    { name: 'docs', area: 'Documentation', labels: ['area/docs'], advocates: ['UALICE'], channel: 'C0DOCS' },
    { name: 'cli', area: 'Command line', labels: ['area/cli'], advocates: ['UCAROL'], channel: 'C0CLI' },
  ],
  care: { timeZone: 'Europe/Berlin', digest: { weekday: 'monday', hour: 9 } },
};

let t: TestApp;
let replica: TestApp;
const daysBefore = (days: number) => new Date(new Date('2026-11-23T08:00:00Z').getTime() - days * DAY);

async function anItem(number: number, kind: 'issue' | 'pr', author: string, openedDaysAgo: number, merged?: number): Promise<void> {
  await t.db.prisma.ledgerEntry.create({
    data: {
      repo: 'octo/app', number, kind, authorLogin: author, authorLoginLower: author.toLowerCase(), association: 'NONE',
      openedAt: daysBefore(openedDaysAgo), merged: merged !== undefined, mergedAt: merged !== undefined ? daysBefore(merged) : null,
    },
  });
  await t.db.prisma.podMention.create({ data: { repo: 'octo/app', number, podName: 'docs' } });
}

// The pod channel also gets the pod's other posts (the opened first-timer issue); only digests are counted here.
const digests = (channel: string) => t.slack.messagesTo(channel).map((call) => call.args).filter((args) => String(args.text).includes('the week to'));
const textOf = (message: any) => message.blocks.map((block: any) => block.text?.text ?? block.elements?.[0]?.text).join('\n');

beforeAll(async () => {
  t = await startTestApp({ config, clock });
  replica = await startTestApp({ config, clock, db: t.db, slack: t.slack, github: t.github });
  await aPodMember(t, 'docs', 'UNEWBIE', 'newbie', daysBefore(2));
  await aPodMember(t, 'docs', 'UOLDTIMER', 'oldtimer', daysBefore(30));
  await anItem(1, 'pr', 'newbie', 3);
  await anItem(2, 'pr', 'carla', 10, 1);
  // A first-timer's issue, watched by newcomers' first-response watch: the digest and the Home list what it lists.
  expect((await t.webhook('issues', issueOpened({ number: 3, author: 'reporter', labels: ['area/docs'], createdAt: daysBefore(4).toISOString() }))).status).toBe(202);
  await t.drain();
  // An issue in the ledger that nobody watches (opened before podbot, say, and not picked up) is not listed.
  await anItem(7, 'issue', 'unwatched', 4);
  await anItem(4, 'pr', 'early', 5);
  await anItem(5, 'pr', 'reviewed', 2);
  await t.db.prisma.itemResponse.create({ data: { repo: 'octo/app', number: 5, responderLogin: 'oldtimer', responderLoginLower: 'oldtimer', kind: 'review', respondedAt: daysBefore(1), githubId: 'review-5' } });
  const { id: podId } = await t.db.prisma.pod.findUniqueOrThrow({ where: { name: 'docs' } });
  await t.db.prisma.podEvent.create({ data: { podId, kind: 'first-timer', actor: 'newbie', createdAt: daysBefore(3), detail: { repo: 'octo/app', number: 1 } } });
});
afterAll(async () => {
  await replica?.stop({ keepDatabase: true, keepFakes: true });
  await t?.stop();
});

describe('weekly pod digest', () => {
  it('sends nothing before the configured weekday and hour', async () => {
    await Promise.all([t.app.runTask(TASK), replica.app.runTask(TASK)]);
    await t.drain();
    expect(digests('C0DOCS')).toEqual([]);
  });

  it('posts one digest per pod channel at the hour, across two replicas, with only the sections that have something', async () => {
    clock.set('2026-11-23T08:05:00Z');
    await Promise.all([t.app.runTask(TASK), replica.app.runTask(TASK), t.app.runTask(TASK)]);
    await Promise.all([t.drain(), replica.drain()]);
    const sent = digests('C0DOCS');
    expect(sent).toHaveLength(1);
    expect(sent[0].blocks[0].text.text).toBe('Docs Pod: the week to 2026-11-23');
    expect(textOf(sent[0])).toBe(
      [
        'Docs Pod: the week to 2026-11-23',
        '*New members*\n• <@UNEWBIE>',
        '*New contributors*\n• newbie, welcome!',
        '*Pull requests awaiting review (oldest first)*\n• <https://github.com/octo/app/pull/4|octo/app#4> by early, waiting 5 days\n• <https://github.com/octo/app/pull/1|octo/app#1> by newbie, waiting 3 days',
        '*Issues waiting for a first response*\n• <https://github.com/octo/app/issues/3|octo/app#3> by reporter, waiting 4 days',
        '*Merged last week — thank you!*\n• <https://github.com/octo/app/pull/2|octo/app#2> by carla',
      ].join('\n'),
    );
    // The cli pod had nothing this week: no digest, but its week is claimed.
    expect(digests('C0CLI')).toEqual([]);
    expect(await t.db.prisma.careClaim.findMany({ orderBy: { key: 'asc' }, select: { key: true, status: true } })).toEqual([
      { key: 'care-digest:cli:2026-11-23', status: 'empty' },
      { key: 'care-digest:docs:2026-11-23', status: 'sent' },
    ]);
  });

  it('does not send again that week, even when something new comes up later that day', async () => {
    clock.set('2026-11-23T15:00:00Z');
    await anItem(6, 'issue', 'another', 0);
    await Promise.all([t.app.runTask(TASK), replica.app.runTask(TASK)]);
    await t.drain();
    expect(digests('C0DOCS')).toHaveLength(1);
    expect(digests('C0CLI')).toEqual([]);
  });

  it('sends the next week’s digest the next Monday, with the ages moved on', async () => {
    clock.set('2026-11-30T08:00:00Z');
    await replica.app.runTask(TASK);
    await replica.drain();
    const sent = digests('C0DOCS');
    expect(sent).toHaveLength(2);
    expect(textOf(sent[1])).toContain('octo/app#4> by early, waiting 12 days');
    expect(textOf(sent[1])).not.toContain('New members');
  });

  it('previews a digest to the person who asks, and suggests a pod name for a typo', async () => {
    const preview = await commandReply(t, '/pod', 'digest docs', 'UALICE');
    expect(preview.text).toMatch(/^Preview \(only you can see this\): Docs Pod: the week to 2026-11-30/);
    expect(digests('C0DOCS')).toHaveLength(2);
    expect((await commandReply(t, '/pod', 'digest dcos', 'UALICE')).text).toContain('Did you mean `/pod digest docs`?');
    expect((await commandReply(t, '/pod', 'digest cli', 'UALICE')).text).toBe('Nothing for the Cli digest this week, so none would be sent.');
  });
});

describe('advocate App Home', () => {
  it('shows the pod’s waiting items and this week’s digest to its advocate', async () => {
    const before = t.slack.callsTo('views.publish').length;
    expect((await t.event({ type: 'app_home_opened', user: 'UALICE', channel: 'D0HOME', tab: 'home', event_ts: '1700000000.000100' })).status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (t.slack.callsTo('views.publish').length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const view = t.slack.callsTo('views.publish').at(-1)!.args.view;
    const texts: string[] = view.blocks.map((block: any) => block.text?.text ?? '');
    const start = texts.indexOf('Care: Docs');
    expect(start).toBeGreaterThan(0);
    expect(texts[start + 1]).toContain('<https://github.com/octo/app/issues/3|octo/app#3> by reporter');
    expect(texts[start + 2]).toBe('*Ladder suggestions*\nNone open.');
    expect(texts[start + 3]).toContain('Pull requests awaiting review');
  });

  it('drops an issue from the Home and the digest once someone answers it, as the first-response watch does', async () => {
    const homeTexts = async (): Promise<string[]> => {
      const before = t.slack.callsTo('views.publish').length;
      expect((await t.event({ type: 'app_home_opened', user: 'UALICE', channel: 'D0HOME', tab: 'home', event_ts: '1700000000.000200' })).status).toBe(200);
      const deadline = Date.now() + 10_000;
      while (t.slack.callsTo('views.publish').length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return t.slack.callsTo('views.publish').at(-1)!.args.view.blocks.map((block: any) => block.text?.text ?? '');
    };
    // A bot's reply does not count: the issue still waits.
    expect((await t.webhook('issue_comment', issueComment({ number: 3, author: 'reporter', by: 'ci-helper[bot]', at: clock.now().toISOString(), id: 301 }))).status).toBe(202);
    expect((await homeTexts()).join('\n')).toContain('octo/app#3> by reporter');
    expect((await commandReply(t, '/pod', 'digest docs', 'UALICE')).text).toContain('Issues waiting for a first response');
    expect((await t.webhook('issue_comment', issueComment({ number: 3, author: 'reporter', by: 'oldtimer', at: clock.now().toISOString(), id: 302 }))).status).toBe(202);
    const texts = await homeTexts();
    expect(texts[texts.indexOf('Care: Docs') + 1]).toBe('*Waiting for a first response*\nNothing is waiting.');
    expect((await commandReply(t, '/pod', 'digest docs', 'UALICE')).text).not.toContain('Issues waiting for a first response');
  });
});
