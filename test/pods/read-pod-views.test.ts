// The pod views kept between /join-pod, /pod and mention calls: reused while nothing they show changed, read again
// as soon as anything did, including a change written by another process (another replica, an admin's SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContributor } from '../../src/pods/store/contributors';
import { readPodViews } from '../../src/pods/store/read-pod-views';
import { startTestApp, type TestApp } from '../support/test-app';

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
