import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { commandReply, membersOf } from './app-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    config: {
      admins: ['UADMIN'],
      pods: [
        { name: 'docs', area: 'Documentation', advocates: ['UALICE'], channel: 'C0DOCS' },
        { name: 'cli', area: 'Command line', advocates: ['UCAROL'] },
      ],
    },
  });
  await commandReply(t, '/join-pod', 'docs', 'UMEMBER');
});
afterAll(() => t?.stop());

describe('/pod', () => {
  it('shows my pods', async () => {
    const reply = await commandReply(t, '/pod', '', 'UMEMBER');
    expect(reply.text).toBe('Your pods: docs');
  });

  it('lists the pods', async () => {
    const reply = await commandReply(t, '/pod', 'list', 'UANY');
    expect(reply.text).toBe('Pods: cli, docs');
    expect(reply.blocks?.[2].text.text).toBe('*Docs* `docs` · 1/9 · advocate <@UALICE> · <#C0DOCS>\nDocumentation');
  });

  it('shows info on a pod, and suggests a name for a typo', async () => {
    const info = await commandReply(t, '/pod', 'info docs', 'UANY');
    expect(info.text).toBe('*Docs* `docs` · 1/9 · advocate <@UALICE> · <#C0DOCS>\nDocumentation\n*Members:*\n• newcomer (1): <@UMEMBER>');
    const typo = await commandReply(t, '/pod', 'info dcos', 'UANY');
    expect(typo.text).toBe('There is no pod called `dcos`. Did you mean `/pod info docs`?');
  });

  it('shows help, and usage on malformed input', async () => {
    expect((await commandReply(t, '/pod', 'help', 'UANY')).text).toMatch(/^\*Usage\*\n`\/pod` — your pods\n/);
    expect((await commandReply(t, '/pod', 'lsit', 'UANY')).text).toMatch(/^`\/pod lsit` is not a podbot command\. Did you mean `\/pod list`\?\n\n\*Usage\*/);
  });

  it('refuses create to someone who is not an admin, saying who can', async () => {
    const reply = await commandReply(t, '/pod', 'create infra <@UBOB> Build and CI', 'UMEMBER');
    expect(reply.text).toBe('Only admins can create pods. Ask an admin: <@UADMIN>. Pods can also be added to `pods:` in podbot.yml.');
    expect(await t.db.prisma.pod.count({ where: { name: 'infra' } })).toBe(0);
  });

  it('lets an admin create a pod with advocates and an area', async () => {
    const reply = await commandReply(t, '/pod', 'create infra <@UBOB> Build and CI', 'UADMIN');
    expect(reply.text).toBe(
      'Created the *Infra* pod (`infra`, capacity 9) with <@UBOB> as advocate. People can join with `/join-pod infra`. ' +
        'To give it labels, paths or a channel, add it to `pods:` in podbot.yml.',
    );
    const pod = await t.db.prisma.pod.findUniqueOrThrow({ where: { name: 'infra' }, include: { advocates: true } });
    expect([pod.area, pod.source, pod.advocates.map((a) => [a.slackUserId, a.source])]).toEqual(['Build and CI', 'command', [['UBOB', 'command']]]);
  });

  it('refuses advocate to a member who is not an advocate, and lets the pod advocate add one', async () => {
    const refused = await commandReply(t, '/pod', 'advocate docs <@UMEMBER>', 'UMEMBER');
    expect(refused.text).toBe('Only admins and the advocates of `docs` can add advocates to it. Its advocates are <@UALICE>. Ask an admin: <@UADMIN>.');
    const added = await commandReply(t, '/pod', 'advocate docs <@UDAVE|dave>', 'UALICE');
    expect(added.text).toBe('<@UDAVE> is now an advocate of the *Docs* pod. They get a DM when someone joins.');
    await t.drain();
    expect(t.slack.messagesTo('UDAVE').map((call) => call.args.text)).toEqual([
      '<@UALICE> made you an advocate of the *Docs* pod. You will get a DM when someone joins, and your App Home shows recent newcomers and activity in the pod.',
    ]);
  });

  it("refuses remove to the advocate of another pod, and lets this pod's advocate remove a member, who is told", async () => {
    const refused = await commandReply(t, '/pod', 'remove docs <@UMEMBER>', 'UCAROL');
    expect(refused.text).toBe('Only admins and the advocates of `docs` can remove people from it. Its advocates are <@UALICE> and <@UDAVE>. Ask an admin: <@UADMIN>.');
    expect(await membersOf(t, 'docs')).toEqual(['UMEMBER']);

    const removed = await commandReply(t, '/pod', 'remove docs <@UMEMBER>', 'UALICE');
    expect(removed.text).toBe('Removed <@UMEMBER> from the *Docs* pod. They have been told by DM.');
    expect(await membersOf(t, 'docs')).toEqual([]);
    await t.drain();
    expect(t.slack.messagesTo('UMEMBER').map((call) => call.args.text)).toEqual([
      '<@UALICE> removed you from the *Docs* pod. If you think that was a mistake, reply to them. `/join-pod` shows the pods you can join.',
    ]);
    const row = await t.db.prisma.membership.findFirstOrThrow({ where: { contributor: { slackUserId: 'UMEMBER' } } });
    expect(row.leftReason).toBe('removed');
  });

  it('leaves the only pod without a name, and explains when there is nothing to leave', async () => {
    await commandReply(t, '/join-pod', 'cli', 'ULEAVER');
    expect((await commandReply(t, '/pod', 'leave', 'ULEAVER')).text).toBe(
      'You left the *Cli* pod. Your time there stays in its history. `/join-pod` shows the pods if you want another.',
    );
    expect((await commandReply(t, '/pod', 'leave', 'ULEAVER')).text).toBe('You are not in any pod. `/join-pod` shows the pods you can join.');
  });

  it('refuses archive to a non-admin, and archives for an admin, telling the members', async () => {
    await commandReply(t, '/join-pod', 'infra', 'UINFRA');
    const refused = await commandReply(t, '/pod', 'archive infra', 'UBOB');
    expect(refused.text).toBe('Only admins can archive pods. Ask an admin: <@UADMIN>.');

    const archived = await commandReply(t, '/pod', 'archive infra', 'UADMIN');
    expect(archived.text).toBe(
      'Archived the *Infra* pod: it takes no new members and gets no GitHub mentions; its history is kept. Its 1 member has been told by DM.',
    );
    await t.drain();
    expect(t.slack.messagesTo('UINFRA').map((call) => call.args.text)).toEqual([
      "The *Infra* pod you were in has been archived. Thank you for your time in it; it stays in the pod's history. `/join-pod` shows the pods you can join now.",
    ]);
    const joinArchived = await commandReply(t, '/join-pod', 'infra', 'ULATE');
    expect(joinArchived.text).toMatch(/^The \*Infra\* pod is archived and takes no new members\./);
  });
});
