// The pod views kept between /join-pod, /pod and mention calls: reused while nothing they show changed, read again
// as soon as anything did, including a change written by another process (another replica, an admin's SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContributor } from '../../src/pods/store/contributors';
import { joinPod } from '../../src/pods/store/join-pod';
import { loadPodViews } from '../../src/pods/store/load-pod-views';
import { readPodViews } from '../../src/pods/store/read-pod-views';
import { startTestApp, type TestApp } from '../support/test-app';
import { commandReply } from './app-helpers';

describe('pods › readPodViews', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      config: {
        pods: [
          { name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'], capacity: 2 },
          { name: 'cli', area: 'the command line', labels: ['area/cli'], advocates: ['U0ADVOCATE'] },
        ],
      },
    });
  });
  afterAll(() => t?.stop());
  const db = () => t.app.ctx.db;

  it('returns the views it kept while nothing changed', async () => {
    const first = await readPodViews(db());
    expect(first.map((pod) => pod.name)).toEqual(['cli', 'docs']);
    expect(await readPodViews(db())).toBe(first);
  });

  it('reads again after a change committed by anyone, here plain SQL from outside podbot', async () => {
    const before = await readPodViews(db());
    await t.db.prisma.$executeRawUnsafe(`UPDATE "Pod" SET capacity = 7 WHERE name = 'docs'`);
    const after = await readPodViews(db());
    expect(after).not.toBe(before);
    expect(after.find((pod) => pod.name === 'docs')?.capacity).toBe(7);
  });

  it('sees a join, a leave and a member linking their GitHub login', async () => {
    expect((await t.command('/join-pod', 'cli', 'U0MEMBER')).status).toBe(200);
    await expect.poll(async () => (await readPodViews(db())).find((pod) => pod.name === 'cli')?.members.map((m) => m.slackId)).toEqual(['U0MEMBER']);
    await t.db.prisma.contributor.update({ where: { slackUserId: 'U0MEMBER' }, data: { githubLogin: 'Member-Login', githubLoginLower: 'member-login' } });
    expect((await readPodViews(db())).find((pod) => pod.name === 'cli')?.members[0].githubLogin).toBe('Member-Login');
    await t.db.prisma.membership.updateMany({ data: { leftAt: new Date() } });
    expect((await readPodViews(db())).find((pod) => pod.name === 'cli')?.members).toEqual([]);
  });

  it('is not read again for a contributor written without a change a view shows, and is for one with', async () => {
    const kept = await readPodViews(db());
    await ensureContributor(db(), 'U0MEMBER'); // every /join-pod's upsert of someone already known
    await ensureContributor(db(), 'U0SOMEONENEW'); // someone new, in no pod
    await t.db.prisma.contributor.update({ where: { slackUserId: 'U0MEMBER' }, data: { displayName: 'Member' } });
    expect(await readPodViews(db())).toBe(kept);
    // An advocate's row, written with a login: the views show it.
    await t.db.prisma.contributor.create({ data: { slackUserId: 'U0ADVOCATE', githubLogin: 'Advo', githubLoginLower: 'advo' } });
    expect((await readPodViews(db())).find((pod) => pod.name === 'cli')?.advocates.map((a) => a.githubLogin)).toEqual(['Advo']);
    const again = await readPodViews(db());
    await t.db.prisma.contributor.update({ where: { slackUserId: 'U0MEMBER' }, data: { level: 'regular' } });
    expect(await readPodViews(db())).not.toBe(again);
  });

  it('leaves archived pods out on request, from the same kept views', async () => {
    await t.db.prisma.pod.update({ where: { name: 'docs' }, data: { archived: true } });
    const all = await readPodViews(db());
    expect(all.map((pod) => pod.name)).toEqual(['cli', 'docs']);
    expect((await readPodViews(db(), { liveOnly: true })).map((pod) => pod.name)).toEqual(['cli']);
  });
});

// A join made by this process is added to the kept views: in a burst of joins every join changes the views, and
// reloading them all for the next command cost more than the join itself (bench/join-pod).
describe('pods › readPodViews after joins made by this process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      config: {
        pods: [
          { name: 'docs', area: 'the website', advocates: ['U0ADVOCATE'], capacity: 9 },
          { name: 'cli', area: 'the command line', advocates: ['U0ADVOCATE'], capacity: 9 },
          { name: 'untouched', area: 'nothing joins it', advocates: ['U0ADVOCATE'] },
        ],
        podSettings: { maxPodsPerContributor: 1 },
      },
    });
  });
  afterAll(() => t?.stop());
  const db = () => t.app.ctx.db;
  const pod = <View extends { name: string }>(views: readonly View[], name: string) => views.find((view) => view.name === name);
  async function join(slackId: string, podName: string, options: { leaveFrom?: string; githubLogin?: string } = {}) {
    const { outbox, clock } = t.app.ctx;
    const contributor = await ensureContributor(db(), slackId, clock.now());
    return joinPod(db(), outbox, {
      podName,
      contributorId: contributor.id,
      now: clock.now(),
      maxPodsPerContributor: 1,
      actor: slackId,
      joiner: { slackId, level: 'newcomer', ...(options.githubLogin ? { githubLogin: options.githubLogin } : {}) },
      ...(options.leaveFrom ? { leaveFrom: options.leaveFrom } : {}),
      notify: () => [],
    });
  }

  it('adds a /join-pod to the kept views: the pods it did not touch are the same objects, and it equals a reload', async () => {
    const before = await readPodViews(db());
    expect((await commandReply(t, '/join-pod', 'docs', 'U0FIRST')).text).toContain('You joined');
    const after = await readPodViews(db());
    expect(pod(after, 'docs')?.members.map((member) => member.slackId)).toEqual(['U0FIRST']);
    expect(pod(after, 'untouched')).toBe(pod(before, 'untouched'));
    expect(after).toEqual(await loadPodViews(db()));
  });

  it('moves the member on a confirmed switch (two rows, two versions), and still equals a reload', async () => {
    const before = await readPodViews(db());
    expect((await join('U0FIRST', 'cli', { leaveFrom: 'docs' })).kind).toBe('joined');
    const after = await readPodViews(db());
    expect([pod(after, 'docs')?.members.length, pod(after, 'cli')?.members.map((member) => member.slackId)]).toEqual([0, ['U0FIRST']]);
    expect(pod(after, 'untouched')).toBe(pod(before, 'untouched'));
    expect(after).toEqual(await loadPodViews(db()));
  });

  it('applies many concurrent joins, in the order a reload shows them', async () => {
    const before = await readPodViews(db());
    const outcomes = await Promise.all(Array.from({ length: 24 }, (_, i) => join(`U0MANY${String(i).padStart(2, '0')}`, i % 2 ? 'docs' : 'cli')));
    expect(outcomes.filter((outcome) => outcome.kind === 'joined')).toHaveLength(17); // 9 in docs, 8 more in cli
    const after = await readPodViews(db());
    expect(pod(after, 'untouched')).toBe(pod(before, 'untouched'));
    expect(after).toEqual(await loadPodViews(db()));
  });

  it('reloads when something else changed the views between the kept version and a join', async () => {
    await t.db.prisma.$executeRawUnsafe(`UPDATE "Membership" SET "leftAt" = now() WHERE "podId" = (SELECT id FROM "Pod" WHERE name = 'docs')`);
    const before = await readPodViews(db());
    await t.db.prisma.$executeRawUnsafe(`UPDATE "Pod" SET capacity = 8 WHERE name = 'untouched'`);
    expect((await join('U0AFTER', 'docs')).kind).toBe('joined');
    const after = await readPodViews(db());
    expect(pod(after, 'untouched')).not.toBe(pod(before, 'untouched'));
    expect([pod(after, 'untouched')?.capacity, pod(after, 'docs')?.members.map((member) => member.slackId)]).toEqual([8, ['U0AFTER']]);
    expect(after).toEqual(await loadPodViews(db()));
  });

  it('reloads when the joiner linked a GitHub login after the caller read their row', async () => {
    await ensureContributor(db(), 'U0LINKER');
    await t.db.prisma.contributor.update({ where: { slackUserId: 'U0LINKER' }, data: { githubLogin: 'Linker', githubLoginLower: 'linker' } });
    await readPodViews(db()); // kept at the version the link made
    expect((await join('U0LINKER', 'docs')).kind).toBe('joined'); // as read before the link: no login
    const member = pod(await readPodViews(db()), 'docs')?.members.find((candidate) => candidate.slackId === 'U0LINKER');
    expect(member?.githubLogin).toBe('Linker');
  });
});
