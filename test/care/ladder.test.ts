import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { clickButton } from '../pods/app-helpers';
import { aPodMember } from './support';

const TASK = 'care: ladder suggestions';
const DAY = 86_400_000;
// 1 December 2026, 09:00 in Berlin.
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
const config = {
  admins: ['UADMIN'],
  pods: [{ name: 'docs', area: 'Documentation', labels: ['area/docs'], advocates: ['UALICE'], channel: 'C0DOCS' }],
  care: { timeZone: 'Europe/Berlin', ladder: { dayOfMonth: 1, hour: 9, promoteMergedPrs: 3, promoteReviews: 2 } },
};

let t: TestApp;
const dms = (user: string) => t.slack.messagesTo(user).filter((call) => String(call.args.text).startsWith('Contributor ladder'));
const sectionsOf = (call: any): string[] => call.args.blocks.filter((block: any) => block.type === 'section').map((block: any) => block.text.text);
const buttonValue = (call: any, index: number, actionId: string): string =>
  call.args.blocks.filter((block: any) => block.type === 'actions')[index].elements.find((el: any) => el.action_id === actionId).value;

beforeAll(async () => {
  t = await startTestApp({ config, clock });
  const now = clock.now().getTime();
  await aPodMember(t, 'docs', 'UQUIET', 'quiet', new Date(now - 200 * DAY));
  await aPodMember(t, 'docs', 'USTAR', 'star', new Date(now - 200 * DAY));
  for (let number = 1; number <= 3; number++) {
    await t.db.prisma.ledgerEntry.create({ data: { repo: 'octo/app', number, kind: 'pr', authorLogin: 'star', authorLoginLower: 'star', association: 'CONTRIBUTOR', openedAt: new Date(now - 20 * DAY), merged: true, mergedAt: new Date(now - 10 * DAY) } });
    await t.db.prisma.podMention.create({ data: { repo: 'octo/app', number, podName: 'docs' } });
  }
  for (const number of [1, 2]) {
    await t.db.prisma.ledgerEntry.create({ data: { repo: 'octo/app', number: 10 + number, kind: 'pr', authorLogin: 'someone', authorLoginLower: 'someone', association: 'NONE', openedAt: new Date(now - 15 * DAY) } });
    await t.db.prisma.podMention.create({ data: { repo: 'octo/app', number: 10 + number, podName: 'docs' } });
    await t.db.prisma.itemResponse.create({ data: { repo: 'octo/app', number: 10 + number, responderLogin: 'star', responderLoginLower: 'star', kind: 'review', respondedAt: new Date(now - 5 * DAY), githubId: `r-${number}` } });
  }
});
afterAll(() => t?.stop());

describe('contributor-ladder suggestions', () => {
  it('DMs the advocate and the admin once a month: someone to promote, someone quiet, a pod resting on one person', async () => {
    await t.app.runTask(TASK);
    await t.app.runTask(TASK);
    await t.drain();
    expect(dms('UALICE')).toHaveLength(1);
    expect(dms('UADMIN')).toHaveLength(1);
    expect(sectionsOf(dms('UALICE')[0])).toEqual([
      '*Ready for more* · star: 3 merged PRs and 2 reviews in Docs in 90 days',
      '*Quiet lately* · <@UQUIET> (quiet): nothing seen in 90 days; check in, or move to emeritus',
      '*Resting on one person* · Docs rests on star: 5 of 5 merged PRs and reviews in 90 days',
    ]);
    expect(await t.db.prisma.ladderSuggestion.count()).toBe(3);
  });

  it('remembers Dismiss and Remind me in a month, and the next month leaves the dismissed one out', async () => {
    const dm = dms('UALICE')[0];
    expect((await clickButton(t, 'UALICE', 'care_ladder_dismiss', buttonValue(dm, 0, 'care_ladder_dismiss'))).text).toContain('Dismissed');
    expect((await clickButton(t, 'UALICE', 'care_ladder_snooze', buttonValue(dm, 1, 'care_ladder_snooze'))).text).toContain('remind you about this in a month');
    expect(await t.db.prisma.ladderSuggestion.findMany({ orderBy: { id: 'asc' }, select: { kind: true, status: true, decidedBy: true } })).toEqual([
      { kind: 'promote', status: 'dismissed', decidedBy: 'UALICE' },
      { kind: 'inactive', status: 'snoozed', decidedBy: 'UALICE' },
      { kind: 'single-person', status: 'open', decidedBy: null },
    ]);

    clock.set('2027-01-01T08:00:00Z');
    await t.app.runTask(TASK);
    await t.drain();
    expect(dms('UALICE')).toHaveLength(2);
    expect(sectionsOf(dms('UALICE')[1]).map((text) => text.split(' · ')[0])).toEqual(['*Quiet lately*', '*Resting on one person*']);
  });

  it('answers a click on a suggestion it no longer knows', async () => {
    expect((await clickButton(t, 'UALICE', 'care_ladder_dismiss', '99999')).text).toContain('no longer knows that suggestion');
  });
});
