// An issue or pull request closed without a merge is no longer waiting for anyone. The ledger knew merges but not
// closes, so the pod digest's "awaiting review" and the insights pod page's "waiting for a first response" kept
// listing closed items (for weeks, and up to a year) until they aged out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandReply } from '../pods/app-helpers';
import { issueOpened, pullRequestOpened } from '../newcomers/payloads';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';

const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
const config = {
  pods: [{ name: 'docs', area: 'Documentation', labels: ['area/docs'], advocates: ['UALICE'], channel: 'C0DOCS' }],
  care: { timeZone: 'Europe/Berlin', digest: { weekday: 'monday', hour: 9 } },
};
const opened = (days: number) => new Date(clock.now().getTime() - days * 86_400_000).toISOString();

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config, clock });
  for (const [number, age] of [[1, 5], [3, 4]] as const) {
    expect((await t.webhook('pull_request', pullRequestOpened({ number, labels: ['area/docs'], createdAt: opened(age), author: `author-${number}` }))).status).toBe(202);
  }
  expect((await t.webhook('issues', issueOpened({ number: 2, labels: ['area/docs'], createdAt: opened(3), author: 'reporter' }))).status).toBe(202);
  await t.drain();
  expect(await t.db.prisma.podMention.count({ where: { podName: 'docs' } })).toBe(3);
});
afterAll(() => t?.stop());

async function waitingOnPodPage(): Promise<string[]> {
  const html = await (await t.api('/dashboard/pods/docs')).text();
  const table = html.slice(html.indexOf('Waiting for a first response'));
  return [...table.slice(0, table.indexOf('</table>') + 1).matchAll(/octo\/app#(\d+)</g)].map((m) => `#${m[1]}`);
}

async function awaitingReviewInDigest(): Promise<string[]> {
  const reply = await commandReply(t, '/pod', 'digest docs', 'UALICE');
  const section = (reply.blocks ?? []).map((block: any) => String(block.text?.text ?? '')).find((text: string) => text.includes('awaiting review')) ?? '';
  return [...section.matchAll(/octo\/app#(\d+)>/g)].map((m) => `#${m[1]}`);
}

describe('items closed without a merge', () => {
  it('are listed while open', async () => {
    expect(await waitingOnPodPage()).toEqual(['#1', '#3', '#2']); // oldest first
    expect(await awaitingReviewInDigest()).toEqual(['#1', '#3']);
  });

  it('leave the pod page and the digest once closed, and come back when reopened', async () => {
    const closedPr = pullRequestOpened({ number: 1, labels: ['area/docs'], createdAt: opened(5), author: 'author-1' }, 'closed');
    closedPr.pull_request.closed_at = clock.now().toISOString();
    expect((await t.webhook('pull_request', closedPr)).status).toBe(202);
    const closedIssue = issueOpened({ number: 2, labels: ['area/docs'], createdAt: opened(3), author: 'reporter' }, 'closed');
    closedIssue.issue.closed_at = clock.now().toISOString();
    expect((await t.webhook('issues', closedIssue)).status).toBe(202);
    await t.drain();
    expect(await waitingOnPodPage()).toEqual(['#3']);
    expect(await awaitingReviewInDigest()).toEqual(['#3']);
    expect(await t.db.prisma.ledgerEntry.findMany({ where: { closedAt: { not: null } }, select: { number: true }, orderBy: { number: 'asc' } })).toEqual([{ number: 1 }, { number: 2 }]);

    expect((await t.webhook('issues', issueOpened({ number: 2, labels: ['area/docs'], createdAt: opened(3), author: 'reporter' }, 'reopened'))).status).toBe(202);
    expect(await waitingOnPodPage()).toEqual(['#3', '#2']);
  });

  it('keeps a merged pull request closed when an older payload (still open) arrives after the merge', async () => {
    const merged = pullRequestOpened({ number: 3, labels: ['area/docs'], createdAt: opened(4), author: 'author-3' }, 'closed');
    Object.assign(merged.pull_request, { merged: true, merged_at: clock.now().toISOString(), closed_at: clock.now().toISOString() });
    expect((await t.webhook('pull_request', merged)).status).toBe(202);
    expect((await t.webhook('pull_request', pullRequestOpened({ number: 3, labels: ['area/docs'], createdAt: opened(4), author: 'author-3' }, 'edited'))).status).toBe(202);
    expect(await t.db.prisma.ledgerEntry.findUnique({ where: { repo_number: { repo: 'octo/app', number: 3 } } })).toMatchObject({ merged: true, closedAt: clock.now() });
    expect(await awaitingReviewInDigest()).toEqual([]);
    expect(await waitingOnPodPage()).toEqual(['#2']);
  });
});
