import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { aPullRequestEvent, anIssueEvent } from './github-payloads';

const config = {
  admins: ['U0ADMIN'],
  bots: ['k8s-ci-robot'],
  pods: [{ name: 'docs', area: 'the website and guides', labels: ['area/docs'], paths: ['docs/**'], advocates: ['U0ADVOCATE'] }],
  welcome: {
    contributingUrl: 'https://podland.example/contributing',
    slackInviteUrl: 'https://slack.podland.example/',
    github: { responseTime: 'within two working days' },
  },
};

describe('github welcomes and the ledger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config });
    // The advocate has linked GitHub, so welcomes can @-mention them.
    await t.db.prisma.contributor.create({ data: { slackUserId: 'U0ADVOCATE', githubLogin: 'ada', githubLoginLower: 'ada' } });
  });
  afterAll(() => t?.stop());

  /** Welcome comments only (other features may comment too); the outbox marker is stripped. */
  function welcomes(repo: string, number: number): string[] {
    return t.github
      .commentsOn(repo, number)
      .filter((c) => c.body.includes('<!-- podbot:job welcome:gh:'))
      .map((c) => c.body.replace(/\n\n<!-- podbot:job [^>]*-->$/, ''));
  }

  function labelRequests(repo: string, number: number) {
    return t.github.requestsTo('POST', new RegExp(`^/repos/${repo}/issues/${number}/labels$`));
  }

  /** Hand-off DMs about first-timers (not other features' messages). */
  function handoffsTo(slackId: string) {
    return t.slack.messagesTo(slackId).filter((call) => String(call.args.metadata?.event_payload?.key ?? '').includes(':handoff:'));
  }

  async function send(event: string, payload: unknown, delivery?: string) {
    const res = await t.webhook(event, payload, { delivery });
    expect(res.status).toBe(202);
    await t.drain();
  }

  it('welcomes a first issue: comment naming the pod and advocate, the label, and a DM to the advocate', async () => {
    await send('issues', anIssueEvent('opened', { number: 1, login: 'newbie', labels: ['area/docs'], title: 'Typo in the guide' }));
    expect(welcomes('o/r', 1)).toEqual([
      '<!-- podbot:pod-mention docs -->\n' +
        'Thanks for opening your first issue here, @newbie! :tada: Someone will respond within two working days.\n' +
        'This belongs to the **Docs** Pod (the website and guides): its advocate @ada will help you find your way. Reach the Pod by joining it with `/join-pod docs` in Slack.\n' +
        'In the meantime, our [contributing guide](https://podland.example/contributing) explains how we work.',
    ]);
    expect(t.github.labels.get('o/r#1')).toEqual(['new-contributor']);
    const handoffs = handoffsTo('U0ADVOCATE');
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0].args.text).toBe('newbie opened their first issue in o/r');
    expect(await t.db.prisma.ledgerEntry.findUnique({ where: { repo_number: { repo: 'o/r', number: 1 } } })).toMatchObject({
      kind: 'issue',
      authorLogin: 'newbie',
      association: 'NONE',
      merged: false,
    });
  });

  it('welcomes once, whatever the redeliveries: same delivery id, new delivery id, a later edit', async () => {
    const payload = anIssueEvent('opened', { number: 1, login: 'newbie', labels: ['area/docs'] });
    const again = await t.webhook('issues', payload, { delivery: 'redelivery-1' });
    expect(again.status).toBe(202);
    const duplicate = await t.webhook('issues', payload, { delivery: 'redelivery-1' });
    expect(duplicate.status).toBe(200);
    expect(await duplicate.json()).toEqual({ ok: true, duplicate: true });
    await send('issues', anIssueEvent('edited', { number: 1, login: 'newbie', labels: ['area/docs'] }));
    expect(welcomes('o/r', 1)).toHaveLength(1);
    expect(labelRequests('o/r', 1)).toHaveLength(1);
    expect(handoffsTo('U0ADVOCATE')).toHaveLength(1);
  });

  it('does not welcome the same person’s second issue', async () => {
    await send('issues', anIssueEvent('opened', { number: 2, login: 'newbie', createdAt: '2026-11-21T10:00:00Z' }));
    expect(welcomes('o/r', 2)).toEqual([]);
    expect(labelRequests('o/r', 2)).toHaveLength(0);
  });

  it('uses the ledger, not only the association: an earlier backfilled issue means no welcome', async () => {
    await t.db.prisma.ledgerEntry.create({
      data: { repo: 'o/r', number: 3, kind: 'issue', authorLogin: 'returning', authorLoginLower: 'returning', association: 'NONE', openedAt: new Date('2024-05-01T00:00:00Z') },
    });
    await send('issues', anIssueEvent('opened', { number: 4, login: 'Returning', association: 'NONE' }));
    expect(welcomes('o/r', 4)).toEqual([]);
  });

  it.each([
    ['a MEMBER', { login: 'insider', association: 'MEMBER' }],
    ['an OWNER', { login: 'boss', association: 'OWNER' }],
    ['a COLLABORATOR', { login: 'helper', association: 'COLLABORATOR' }],
    ['a [bot] account', { login: 'renovate[bot]', association: 'NONE' }],
    ['a configured bot', { login: 'k8s-ci-robot', association: 'FIRST_TIMER' }],
  ])('does not welcome %s', async (_who, who) => {
    const number = 100 + Math.floor(Math.random() * 1_000_000);
    await send('issues', anIssueEvent('opened', { number, ...who }));
    expect(welcomes('o/r', number)).toEqual([]);
    expect(labelRequests('o/r', number)).toHaveLength(0);
  });

  it('welcomes a first PR, matching the pod by changed paths', async () => {
    t.github.prFiles.set('o/r#10', ['docs/install.md', 'README.md']);
    await send('pull_request', aPullRequestEvent('opened', { number: 10, login: 'newbie', association: 'FIRST_TIME_CONTRIBUTOR' }));
    expect(welcomes('o/r', 10)).toEqual([
      '<!-- podbot:pod-mention docs -->\n' +
        'Thanks for your first pull request, @newbie! :tada: A maintainer will review it within two working days.\n' +
        'This belongs to the **Docs** Pod (the website and guides): its advocate @ada will help you find your way. Reach the Pod by joining it with `/join-pod docs` in Slack.\n' +
        'Our [contributing guide](https://podland.example/contributing) explains how reviews work.',
    ]);
    expect(t.github.labels.get('o/r#10')).toEqual(['new-contributor']);
    expect(handoffsTo('U0ADVOCATE').map((call) => call.args.text)).toEqual(['newbie opened their first issue in o/r', 'newbie opened their first pull request in o/r']);
  });

  it('hands a first-timer outside every pod to the admins', async () => {
    t.github.prFiles.set('o/r#11', ['src/main.go']);
    await send('pull_request', aPullRequestEvent('opened', { number: 11, login: 'gopher', association: 'FIRST_TIMER', title: 'Speed up <main>' }));
    expect(welcomes('o/r', 11)).toHaveLength(1);
    const toAdmins = handoffsTo('U0ADMIN');
    expect(toAdmins).toHaveLength(1);
    expect(toAdmins[0].args.blocks[0].text.text).toBe(
      ':seedling: *gopher* opened their first pull request: <https://github.com/o/r/pull/11|o/r#11 Speed up &lt;main&gt;>\nNo pod matched, so this comes to the admins: could someone say hello?',
    );
  });

  it('congratulates a first merged PR once and invites the author to Slack and the pod', async () => {
    const merged = aPullRequestEvent('closed', { number: 10, login: 'newbie', association: 'CONTRIBUTOR', merged: true });
    await send('pull_request', merged);
    await send('pull_request', merged);
    const all = welcomes('o/r', 10);
    expect(all).toHaveLength(2);
    expect(all[1]).toBe(
      'Congratulations on your first merged pull request, @newbie! :rocket: Thank you for contributing.\n' +
        'Come and meet the community on Slack: https://slack.podland.example/\n' +
        'Your change belongs to the **Docs** Pod: on Slack, `/join-pod docs` makes you a member.',
    );
    expect(await t.db.prisma.ledgerEntry.findUnique({ where: { repo_number: { repo: 'o/r', number: 10 } } })).toMatchObject({ kind: 'pr', merged: true });
  });

  it('does not congratulate a PR closed without merging, nor a second merged PR', async () => {
    t.github.prFiles.set('o/r#11', ['src/main.go']);
    await send('pull_request', aPullRequestEvent('closed', { number: 11, login: 'gopher', association: 'FIRST_TIMER', merged: false }));
    expect(welcomes('o/r', 11)).toHaveLength(1);
    await send('pull_request', aPullRequestEvent('closed', { number: 12, login: 'newbie', association: 'CONTRIBUTOR', merged: true, createdAt: '2026-11-22T00:00:00Z' }));
    expect(welcomes('o/r', 12)).toEqual([]);
  });

  it('welcomes the same person again in another repository', async () => {
    await send('issues', anIssueEvent('opened', { repo: 'o/other', number: 1, login: 'newbie' }));
    expect(welcomes('o/other', 1)).toHaveLength(1);
  });

  it('keeps a linked contributor’s level in step with the ledger', async () => {
    await t.db.prisma.contributor.create({ data: { slackUserId: 'U0RISING', githubLogin: 'rising', githubLoginLower: 'rising', level: 'newcomer', levelSource: 'ledger' } });
    for (const number of [201, 202, 203, 204, 205]) {
      await send('pull_request', aPullRequestEvent('closed', { number, login: 'rising', association: 'CONTRIBUTOR', merged: true }));
    }
    expect(await t.db.prisma.contributor.findUnique({ where: { slackUserId: 'U0RISING' } })).toMatchObject({ level: 'regular' });
  });
});
