import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { aContributor } from './app-helpers';

type Example = { name: string; examples: Record<string, any>[] };
const all = examples as unknown as Example[];
const baseIssue = all.find((e) => e.name === 'issues')!.examples.find((x) => x.action === 'opened')!;
const basePr = all.find((e) => e.name === 'pull_request')!.examples.find((x) => x.action === 'opened')!;

const repository = { ...baseIssue.repository, name: 'app', full_name: 'octo/app', owner: { ...baseIssue.repository.owner, login: 'octo' } };

/** A real `issues` payload (from @octokit/webhooks-examples) moved to octo/app, with the given number, labels and author. */
function issueEvent(action: string, number: number, labels: string[], author = 'newbie', type = 'User') {
  return {
    ...baseIssue,
    action,
    repository,
    issue: {
      ...baseIssue.issue,
      number,
      title: `Issue ${number}`,
      html_url: `https://github.com/octo/app/issues/${number}`,
      labels: labels.map((name, id) => ({ id, name, color: 'ededed', default: false })),
      user: { ...baseIssue.issue.user, login: author, type },
    },
  };
}

function prEvent(action: string, number: number, labels: string[] = [], author = 'newbie') {
  return {
    ...basePr,
    action,
    number,
    repository,
    pull_request: {
      ...basePr.pull_request,
      number,
      title: `PR ${number}`,
      html_url: `https://github.com/octo/app/pull/${number}`,
      labels: labels.map((name, id) => ({ id, name, color: 'ededed', default: false })),
      user: { ...basePr.pull_request.user, login: author, type: 'User' },
    },
  };
}

const config = {
  bots: ['renovate-helper'],
  pods: [
    { name: 'docs', area: 'Documentation', labels: ['area/docs'], paths: ['docs/**'], advocates: ['UALICE'], channel: 'C0DOCS' },
    { name: 'cli', area: 'Command line', labels: ['area/cli'], paths: ['cmd/**'], advocates: ['UCAROL'] },
  ],
};

/** Comment bodies on octo/app#n without the outbox's hidden job marker. */
function commentsOn(t: TestApp, number: number): string[] {
  return t.github.commentsOn('octo/app', number).map((comment) => comment.body.replace(/<!-- podbot:job [^>]*-->/, '').trim());
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config });
  await aContributor(t, 'UALICE', { githubLogin: 'alice' });
  await aContributor(t, 'UCAROL', { githubLogin: 'carol' });
});
afterAll(() => t?.stop());

describe('pod mentions on GitHub', () => {
  it('comments once on an issue with a pod label, cc the advocate, and echoes it to the pod channel', async () => {
    expect((await t.webhook('issues', issueEvent('opened', 1, ['area/docs']), { delivery: 'd-1' })).status).toBe(202);
    await t.drain();
    expect(commentsOn(t, 1)).toEqual([
      '<!-- podbot:pod-mention docs -->\nThis belongs to the **Docs** Pod: Documentation.\n\ncc @alice\n\n' +
        'Reach the Pod in [its Slack channel](https://slack.com/app_redirect?channel=C0DOCS), or join it with `/join-pod docs` in Slack.',
    ]);
    expect(t.slack.messagesTo('C0DOCS').map((call) => call.args.text)).toEqual([
      ":mag: An issue in the *Docs* pod's area, by newbie: <https://github.com/octo/app/issues/1|octo/app#1: Issue 1>",
    ]);
  });

  it('does not mention again on a redelivery with the same delivery id, nor on the same event under a new delivery id', async () => {
    expect((await t.webhook('issues', issueEvent('opened', 1, ['area/docs']), { delivery: 'd-1' })).status).toBe(200);
    expect((await t.webhook('issues', issueEvent('opened', 1, ['area/docs']), { delivery: 'd-1-again' })).status).toBe(202);
    await t.drain();
    expect(commentsOn(t, 1)).toHaveLength(1);
    expect(await t.db.prisma.podMention.count({ where: { repo: 'octo/app', number: 1 } })).toBe(1);
  });

  it('a later label brings in only the pod not mentioned yet', async () => {
    await t.webhook('issues', issueEvent('labeled', 1, ['area/docs', 'area/cli']));
    await t.drain();
    const comments = commentsOn(t, 1);
    expect(comments).toHaveLength(2);
    expect(comments[1]).toBe(
      '<!-- podbot:pod-mention cli -->\nThis belongs to the **Cli** Pod: Command line.\n\ncc @carol\n\nReach the Pod by joining it with `/join-pod cli` in Slack.',
    );
  });

  it('puts several pods matched by changed files in one PR comment (pods by name), and says nothing new on synchronize', async () => {
    t.github.prFiles.set('octo/app#7', ['docs/guide.md', 'cmd/root.go', 'README.md']);
    expect((await t.webhook('pull_request', prEvent('opened', 7))).status).toBe(202);
    await t.webhook('pull_request', prEvent('synchronize', 7));
    await t.drain();
    expect(commentsOn(t, 7)).toEqual([
      '<!-- podbot:pod-mention cli,docs -->\nThis belongs to the **Cli** and **Docs** Pods.\n\n' +
        '- **Cli**: Command line. cc @carol. Reach the Pod by joining it with `/join-pod cli` in Slack.\n' +
        '- **Docs**: Documentation. cc @alice. Reach the Pod in [its Slack channel](https://slack.com/app_redirect?channel=C0DOCS), or join it with `/join-pod docs` in Slack.',
    ]);
    expect(t.github.requestsTo('GET', /^\/repos\/octo\/app\/pulls\/7\/files$/)).toHaveLength(2);
  });

  it('does not cc an advocate on their own PR', async () => {
    t.github.prFiles.set('octo/app#8', ['docs/index.md']);
    await t.webhook('pull_request', prEvent('opened', 8, [], 'alice'));
    await t.drain();
    expect(commentsOn(t, 8)).toEqual([
      '<!-- podbot:pod-mention docs -->\nThis belongs to the **Docs** Pod: Documentation.\n\n' +
        'Reach the Pod in [its Slack channel](https://slack.com/app_redirect?channel=C0DOCS), or join it with `/join-pod docs` in Slack.',
    ]);
  });

  it('skips issues with the opt-out label, bots, and logins listed as bots', async () => {
    await t.webhook('issues', issueEvent('opened', 20, ['area/docs', 'podbot:no-mention']));
    await t.webhook('issues', issueEvent('opened', 21, ['area/docs'], 'dependabot[bot]', 'Bot'));
    await t.webhook('issues', issueEvent('opened', 22, ['area/docs'], 'renovate-helper'));
    await t.drain();
    expect([commentsOn(t, 20), commentsOn(t, 21), commentsOn(t, 22)]).toEqual([[], [], []]);
    expect(await t.db.prisma.podMention.count({ where: { number: { in: [20, 21, 22] } } })).toBe(0);
  });

  it('accepts every issues and pull_request example payload without a server error', async () => {
    const statuses: string[] = [];
    for (const event of all.filter((e) => e.name === 'issues' || e.name === 'pull_request')) {
      for (const [index, payload] of event.examples.entries()) {
        const res = await t.webhook(event.name, payload, { delivery: `example-${event.name}-${index}` });
        statuses.push(`${event.name}.${payload.action}:${res.status < 500 ? 'ok' : res.status}`);
      }
    }
    expect(statuses.filter((status) => !status.endsWith(':ok'))).toEqual([]);
  });

  it('posts nothing when mentions are switched off in podbot.yml', async () => {
    await t.stop({ keepDatabase: true, keepFakes: true });
    t = await startTestApp({ config: { ...config, podSettings: { mentions: { enabled: false } } }, db: t.db, slack: t.slack, github: t.github });
    await t.webhook('issues', issueEvent('opened', 30, ['area/docs']));
    await t.drain();
    expect(commentsOn(t, 30)).toEqual([]);
  });
});
