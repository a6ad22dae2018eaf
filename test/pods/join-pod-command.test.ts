import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { aContributor, buttonsOf, clickButton, commandReply, membersOf } from './app-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    config: {
      admins: ['UADMIN'],
      pods: [
        { name: 'docs', area: 'Documentation and the website', labels: ['area/docs'], advocates: ['UALICE'], channel: 'C0DOCS', capacity: 3 },
        { name: 'website', area: 'The website build', labels: ['area/website'], advocates: ['UBOB'], capacity: 5 },
        { name: 'cli', area: 'Command line', labels: ['area/cli'], advocates: ['UCAROL'] },
        { name: 'tiny', area: 'Shell completion', labels: ['area/cli'], advocates: ['UDAN'], capacity: 1 },
      ],
    },
  });
});
afterAll(() => t?.stop());
// Every test starts from the configured pods with nobody in them, so each one passes alone or in any order.
beforeEach(async () => {
  await t.drain();
  const p = t.db.prisma;
  await p.$transaction([p.membership.deleteMany(), p.podEvent.deleteMany(), p.ledgerEntry.deleteMany(), p.contributor.deleteMany(), p.outboxJob.deleteMany()]);
  t.slack.reset();
});

describe('/join-pod', () => {
  it('shows a picker with each pod, its size and advocate, and a Join button', async () => {
    const reply = await commandReply(t, '/join-pod', '', 'UVIEWER');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('Pick a Pod: cli, docs, tiny, website');
    expect(reply.blocks?.[2].text.text).toBe('*Docs* `docs` · 0/3 · advocate <@UALICE> · <#C0DOCS>\nDocumentation and the website');
    expect(buttonsOf(reply)).toEqual(['join_pod=cli', 'join_pod=docs', 'join_pod=tiny', 'join_pod=website']);
  });

  it('joins by name, names the advocate, hands off to the advocate by DM and introduces the joiner in the pod channel', async () => {
    const reply = await commandReply(t, '/join-pod', 'docs', 'UJOIN1');
    expect(reply.text).toBe(
      'You joined the *Docs* pod.\n<@UALICE> is your advocate and has been told you are here; say hi any time.\nThe pod talks in <#C0DOCS>.',
    );
    await t.drain();
    expect(t.slack.messagesTo('UALICE').map((call) => call.args.text)).toEqual([
      '<@UJOIN1> joined the *Docs* pod, which you advocate.\n• Level: newcomer\n• GitHub: not linked yet (they can run `/link-github <login>`)\n• Pod size: 1/3\n' +
        'They are new here: a hello and a good first issue in your area go a long way.',
    ]);
    expect(t.slack.messagesTo('C0DOCS').map((call) => call.args.text)).toEqual([
      ":wave: Welcome <@UJOIN1>, who joined *Docs* as a newcomer. The pod is now 1/3. <@UALICE> is the pod's advocate.",
    ]);
    expect(await membersOf(t, 'docs')).toEqual(['UJOIN1']);
  });

  it("tells the advocate a linked joiner's GitHub login and the level the ledger gives them", async () => {
    await aContributor(t, 'ULINKED', { githubLogin: 'Linda' });
    await t.db.prisma.ledgerEntry.createMany({
      data: [1, 2, 3, 4, 5].map((number) => ({
        repo: 'o/r', number, kind: 'pr', authorLogin: 'Linda', authorLoginLower: 'linda', association: 'CONTRIBUTOR', openedAt: new Date('2026-01-01T00:00:00Z'), merged: true,
      })),
    });
    await commandReply(t, '/join-pod', 'cli', 'ULINKED');
    await t.drain();
    expect(t.slack.messagesTo('UCAROL').map((call) => call.args.text)).toEqual([
      '<@ULINKED> joined the *Cli* pod, which you advocate.\n• Level: regular\n• GitHub: <https://github.com/Linda|Linda>\n• Pod size: 1/9\n' +
        'A hello helps them find their way into the pod.',
    ]);
  });

  it('answers a typo with "did you mean" and a button that joins that pod', async () => {
    const reply = await commandReply(t, '/join-pod', 'dosc', 'UTYPO');
    expect(reply.text).toBe('There is no pod called `dosc`. Did you mean `docs`?');
    expect(buttonsOf(reply)).toEqual(['join_pod=docs']);
    expect(await membersOf(t, 'docs')).not.toContain('UTYPO');

    const clicked = await clickButton(t, 'UTYPO', 'join_pod', 'docs');
    expect(clicked.replace_original).toBe(true);
    expect(clicked.text).toMatch(/^You joined the \*Docs\* pod\./);
    expect(await membersOf(t, 'docs')).toContain('UTYPO');
  });

  it('refuses a full pod and names the best open pod for the same labels, with a button for it', async () => {
    await commandReply(t, '/join-pod', 'cli', 'UCLI');
    await commandReply(t, '/join-pod', 'tiny', 'UFILL');
    const reply = await commandReply(t, '/join-pod', 'tiny', 'ULATE');
    expect(reply.text).toBe('The *Tiny* pod is full (1/1). *Cli* (`cli`, 1/9) has room and also covers `area/cli`.');
    expect(buttonsOf(reply)).toEqual(['join_pod=cli']);
    expect(await membersOf(t, 'tiny')).toEqual(['UFILL']);
  });

  it('says so when the person is already a member', async () => {
    await commandReply(t, '/join-pod', 'website', 'UTWICE');
    const reply = await commandReply(t, '/join-pod', 'website', 'UTWICE');
    expect(reply.text).toBe('You are already in the *Website* pod. `/pod` shows your pods.');
    expect(await membersOf(t, 'website')).toEqual(['UTWICE']);
  });

  it('asks to confirm a switch at the one-pod limit; confirming leaves the old pod and keeps it in the history', async () => {
    await commandReply(t, '/join-pod', 'cli', 'USWITCH');
    const ask = await commandReply(t, '/join-pod', 'website', 'USWITCH');
    expect(ask.text).toBe('You can be in one pod at a time. Leave *Cli* and join *Website*? Your time in the old pod stays in its history.');
    expect(buttonsOf(ask)).toEqual(['join_pod_switch=cli→website', 'join_pod_switch_cancel=cli']);
    expect(await membersOf(t, 'website')).not.toContain('USWITCH');

    const done = await clickButton(t, 'USWITCH', 'join_pod_switch', 'cli→website');
    expect(done.text).toMatch(/^You joined the \*Website\* pod\. You left \*Cli\*\./);
    const history = await t.db.prisma.membership.findMany({
      where: { contributor: { slackUserId: 'USWITCH' } },
      orderBy: { id: 'asc' },
      select: { pod: { select: { name: true } }, leftAt: true, leftReason: true },
    });
    expect(history.map((row) => [row.pod.name, row.leftAt !== null, row.leftReason])).toEqual([
      ['cli', true, 'switched'],
      ['website', false, null],
    ]);
  });

  it('cancelling a switch changes nothing', async () => {
    await commandReply(t, '/join-pod', 'cli', 'USTAY');
    await commandReply(t, '/join-pod', 'docs', 'USTAY');
    const cancelled = await clickButton(t, 'USTAY', 'join_pod_switch_cancel', 'cli');
    expect(cancelled.text).toBe('OK, you stay in `cli`. Nothing changed.');
    expect(await membersOf(t, 'cli')).toContain('USTAY');
    expect(await membersOf(t, 'docs')).not.toContain('USTAY');
  });

  it('shows usage for input that is not a pod name', async () => {
    const reply = await commandReply(t, '/join-pod', 'docs!!', 'UODD');
    expect(reply.text).toMatch(/^`docs!!` is not a pod name: pod names use lowercase letters, digits and dashes, like `docs`\.\n\n\*Usage\*/);
  });

  it('records joins as pod events for the advocate', async () => {
    await commandReply(t, '/join-pod', 'docs', 'UJOIN1');
    await commandReply(t, '/join-pod', 'docs', 'UTYPO');
    const events = await t.db.prisma.podEvent.findMany({ where: { pod: { name: 'docs' }, kind: 'joined' }, orderBy: { id: 'asc' }, select: { actor: true } });
    expect(events.map((event) => event.actor)).toEqual(['UJOIN1', 'UTYPO']);
  });
});
