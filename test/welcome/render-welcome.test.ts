import { describe, expect, it } from 'vitest';
import { welcomeSection } from '../../src/welcome/config';
import { fillTemplate } from '../../src/welcome/core/fill-template';
import { renderChannelGreeting } from '../../src/welcome/core/render-channel-greeting';
import { renderFirstContributionComment, renderFirstMergeComment } from '../../src/welcome/core/render-github-welcome';
import { renderFirstTimerHandoff } from '../../src/welcome/core/render-first-timer-handoff';
import { renderWelcomeDm } from '../../src/welcome/core/render-welcome-dm';

const config = welcomeSection.parse({
  community: 'Kind',
  message: 'Hi {name}, welcome to {community}! CoC: {codeOfConduct} Guide: {contributing} Issues: {goodFirstIssues} {unknown}',
  codeOfConductUrl: 'https://kind.example/coc',
  contributingUrl: 'https://kind.example/contributing',
  goodFirstIssuesUrl: 'https://kind.example/gfi',
  slackInviteUrl: 'https://slack.kind.example/',
  github: { responseTime: 'within two working days' },
});

const docsPod = { name: 'docs', displayName: 'Docs', area: 'the website', advocates: [{ slackId: 'UADV', githubLogin: 'ada' }, { slackId: 'UADV2' }] };

describe('welcome rendering', () => {
  it('fills every placeholder it knows and leaves unknown ones visible', () => {
    expect(fillTemplate('{a} and {b} and {c}', { a: '1', b: '2' })).toBe('1 and 2 and {c}');
  });

  it('renders the welcome DM from the template with Pick a Pod and Link GitHub buttons', () => {
    const dm = renderWelcomeDm(config, { id: 'U0NEW' });
    expect(dm.text).toBe(
      'Hi <@U0NEW>, welcome to Kind! CoC: https://kind.example/coc Guide: https://kind.example/contributing Issues: https://kind.example/gfi {unknown}',
    );
    const buttons = (dm.blocks[1] as any).elements.map((e: any) => [e.text.text, e.action_id]);
    expect(buttons).toEqual([
      ['Pick a Pod', 'welcome_pick_pod'],
      ['Link GitHub', 'welcome_link_github'],
    ]);
  });

  it('renders the channel greeting with the channel and user', () => {
    expect(renderChannelGreeting(config, 'U0NEW', 'C0HELLO')).toBe('Welcome to <#C0HELLO>, <@U0NEW>! Say hello and tell us what brings you here.');
  });

  it('names the pod, its linked advocate, the response time and the contributing guide on a first issue', () => {
    const body = renderFirstContributionComment(config, { kind: 'issue', login: 'newbie', pods: [docsPod] });
    expect(body).toBe(
      'Thanks for opening your first issue here, @newbie! :tada: Someone will respond within two working days.\n' +
        'This belongs to the **Docs** Pod (the website): its advocate @ada will help you find your way.\n' +
        'In the meantime, our [contributing guide](https://kind.example/contributing) explains how we work.',
    );
  });

  it('leaves the pod sentence out of a first PR comment when no pod matches', () => {
    const body = renderFirstContributionComment(config, { kind: 'pr', login: 'newbie', pods: [] });
    expect(body).toBe(
      'Thanks for your first pull request, @newbie! :tada: A maintainer will review it within two working days.\n' +
        'Our [contributing guide](https://kind.example/contributing) explains how reviews work.',
    );
  });

  it('invites a first merger to Slack and to the matching pod', () => {
    const body = renderFirstMergeComment(config, { login: 'newbie', pods: [docsPod] });
    expect(body).toBe(
      'Congratulations on your first merged pull request, @newbie! :rocket: Thank you for contributing.\n' +
        'Come and meet the community on Slack: https://slack.kind.example/\n' +
        'Your change belongs to the **Docs** Pod: on Slack, `/join-pod docs` makes you a member.',
    );
  });

  it('tells an advocate which pod the first-timer is in, escaping the title', () => {
    const message = renderFirstTimerHandoff({
      kind: 'first-pr',
      login: 'newbie',
      repo: 'o/r',
      number: 7,
      title: 'Fix <script> & more',
      url: 'https://github.com/o/r/pull/7',
      pod: { displayName: 'Docs' },
    });
    expect((message.blocks[0] as any).text.text).toBe(
      ":seedling: *newbie* opened their first pull request in the *Docs* Pod's area: <https://github.com/o/r/pull/7|o/r#7 Fix &lt;script&gt; &amp; more>\n" +
        'You advocate for this pod: a friendly word from you makes a difference.',
    );
  });
});
