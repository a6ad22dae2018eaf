import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { aPullRequestEvent, anIssueEvent } from './github-payloads';

// A first-timer's issue or PR gets one bot comment that both welcomes them and brings in the pod; everyone else's
// gets the pod mention alone. Each test uses its own people and numbers, so any of them can run alone.

const config = {
  admins: ['U0ADMIN'],
  pods: [
    { name: 'docs', area: 'the website and guides', labels: ['area/docs'], paths: ['docs/**'], advocates: ['U0ADVOCATE'], channel: 'C0DOCS' },
    { name: 'cli', area: 'the command line', labels: ['area/cli'], advocates: ['U0CLI'] },
  ],
  welcome: { contributingUrl: 'https://podland.example/contributing', github: { responseTime: 'within two working days' } },
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config });
  await t.db.prisma.contributor.create({ data: { slackUserId: 'U0ADVOCATE', githubLogin: 'ada', githubLoginLower: 'ada' } });
});
afterAll(() => t?.stop());

/** Every comment podbot posted on o/r#n, without the outbox's hidden job marker. */
function comments(number: number): string[] {
  return t.github.commentsOn('o/r', number).map((c) => c.body.replace(/\n*<!-- podbot:job [^>]*-->/, ''));
}

async function send(event: string, payload: unknown, delivery?: string) {
  const res = await t.webhook(event, payload, { delivery });
  expect(res.status).toBe(202);
  await t.drain();
}

describe('the first comment on a first issue or PR', () => {
  it('a first issue that matches a pod gets exactly one comment: the welcome, naming the pod and cc-ing its advocate', async () => {
    await send('issues', anIssueEvent('opened', { number: 1, login: 'first-issuer', labels: ['area/docs'], title: 'Typo in the guide' }));
    expect(comments(1)).toEqual([
      '<!-- podbot:pod-mention docs -->\n' +
        'Thanks for opening your first issue here, @first-issuer! :tada: Someone will respond within two working days.\n' +
        'This belongs to the **Docs** Pod (the website and guides): its advocate @ada will help you find your way. ' +
        'Reach the Pod in [its Slack channel](https://slack.com/app_redirect?channel=C0DOCS), or join it with `/join-pod docs` in Slack.\n' +
        'In the meantime, our [contributing guide](https://podland.example/contributing) explains how we work.',
    ]);
    // The pod's other jobs still happen: the echo in its channel, the claim that stops a second mention, the hand-off.
    expect(t.slack.messagesTo('C0DOCS').map((call) => call.args.text)).toContain(
      ":mag: An issue in the *Docs* pod's area, by first-issuer: <https://github.com/o/r/issues/1|o/r#1: Typo in the guide>",
    );
    expect(await t.db.prisma.podMention.findMany({ where: { repo: 'o/r', number: 1 }, select: { podName: true } })).toEqual([{ podName: 'docs' }]);
    expect(t.github.labels.get('o/r#1')).toEqual(['new-contributor']);
  });

  it('a first PR that matches pods by its files gets exactly one comment', async () => {
    t.github.prFiles.set('o/r#2', ['docs/install.md']);
    await send('pull_request', aPullRequestEvent('opened', { number: 2, login: 'first-prer', association: 'FIRST_TIME_CONTRIBUTOR' }));
    const all = comments(2);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatch(/^<!-- podbot:pod-mention docs -->\nThanks for your first pull request, @first-prer!/);
    expect(all[0]).toContain('its advocate @ada will help you find your way');
  });

  it('stays one comment whatever the redeliveries, and a later label brings in only the new pod', async () => {
    const opened = anIssueEvent('opened', { number: 3, login: 'redelivered', labels: ['area/docs'] });
    await send('issues', opened, 'first-3');
    await send('issues', opened, 'first-3-again');
    expect(comments(3)).toHaveLength(1);
    await send('issues', anIssueEvent('labeled', { number: 3, login: 'redelivered', labels: ['area/docs', 'area/cli'] }));
    const all = comments(3);
    expect(all).toHaveLength(2);
    expect(all[1]).toBe(
      '<!-- podbot:pod-mention cli -->\nThis belongs to the **Cli** Pod: the command line.\n\nReach the Pod by joining it with `/join-pod cli` in Slack.',
    );
  });

  it('a returning contributor gets the pod mention alone', async () => {
    await t.db.prisma.ledgerEntry.create({
      data: { repo: 'o/r', number: 40, kind: 'issue', authorLogin: 'regular', authorLoginLower: 'regular', association: 'NONE', openedAt: new Date('2024-05-01T00:00:00Z') },
    });
    await send('issues', anIssueEvent('opened', { number: 41, login: 'regular', labels: ['area/docs'] }));
    expect(comments(41)).toEqual([
      '<!-- podbot:pod-mention docs -->\nThis belongs to the **Docs** Pod: the website and guides.\n\ncc @ada\n\n' +
        'Reach the Pod in [its Slack channel](https://slack.com/app_redirect?channel=C0DOCS), or join it with `/join-pod docs` in Slack.',
    ]);
  });

  it('a first issue that matches no pod gets the welcome alone', async () => {
    await send('issues', anIssueEvent('opened', { number: 5, login: 'podless' }));
    expect(comments(5)).toEqual([
      'Thanks for opening your first issue here, @podless! :tada: Someone will respond within two working days.\n' +
        'In the meantime, our [contributing guide](https://podland.example/contributing) explains how we work.',
    ]);
  });
});
