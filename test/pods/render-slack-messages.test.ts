import { describe, expect, it } from 'vitest';
import { decodeSwitchValue, encodeSwitchValue } from '../../src/pods/core/action-ids';
import { renderAdvocateHandoff } from '../../src/pods/core/join/render-advocate-handoff';
import { renderJoinConfirmation } from '../../src/pods/core/join/render-join-confirmation';
import { renderJoinPodPicker } from '../../src/pods/core/join/render-join-pod-picker';
import { renderJoinRefusal } from '../../src/pods/core/join/render-join-refusal';
import { renderMyPods } from '../../src/pods/core/command/render-my-pods';
import { renderPodChannelIntro } from '../../src/pods/core/command/render-pod-channel-intro';
import { renderPodHelp } from '../../src/pods/core/command/render-pod-help';
import { renderPodInfo } from '../../src/pods/core/command/render-pod-info';
import { renderPodList } from '../../src/pods/core/command/render-pod-list';
import { renderSwitchConfirmation } from '../../src/pods/core/join/render-switch-confirmation';
import { renderUnknownPod } from '../../src/pods/core/command/render-unknown-pod';
import { aMember, aPod, members } from './builders';

const docs = aPod({
  name: 'docs',
  displayName: 'Docs',
  area: 'Docs & website',
  capacity: 3,
  channel: 'C0DOCS',
  advocates: [{ slackId: 'UALICE', githubLogin: 'alice' }],
  members: [aMember({ slackId: 'UM1', level: 'regular' }), aMember({ slackId: 'UM2', level: 'newcomer' })],
});
const cli = aPod({
  name: 'cli',
  displayName: 'CLI',
  area: 'Command line',
  capacity: 2,
  advocates: [{ slackId: 'U1' }, { slackId: 'U2' }],
  members: members(2, 'newcomer'),
});

describe('renderJoinPodPicker', () => {
  it('shows each pod with area, size and advocates, and a Join button only on open pods', () => {
    const picker = renderJoinPodPicker([docs, cli, aPod({ name: 'old', archived: true })]);
    expect(picker.blocks.slice(1)).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Docs* `docs` · 2/3 · advocate <@UALICE> · <#C0DOCS>\nDocs &amp; website' },
        accessory: {
          type: 'button',
          text: { type: 'plain_text', text: 'Join Docs', emoji: true },
          action_id: 'join_pod',
          value: 'docs',
          style: 'primary',
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*CLI* `cli` · 2/2 · *full* · advocates <@U1> and <@U2>\nCommand line' },
      },
    ]);
    expect(picker.text).toBe('Pick a Pod: docs, cli');
  });

  it('tells a member they are in the pod instead of offering a button', () => {
    const picker = renderJoinPodPicker([docs], { viewerSlackId: 'UM1' });
    expect(picker.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Docs* `docs` · 2/3 · advocate <@UALICE> · <#C0DOCS>\nDocs &amp; website\n_You are in this pod._' },
    });
  });

  it('stays within Slack’s 50 blocks per message when there are many pods', () => {
    const many = Array.from({ length: 60 }, (_, i) => aPod({ name: `pod-${i}` }));
    const picker = renderJoinPodPicker(many);
    expect(picker.blocks).toHaveLength(50);
    expect(picker.blocks[49]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '12 more pods are not shown; `/pod list` lists them all, and `/join-pod <name>` joins one.' }],
    });
  });

  it('says there are no pods yet', () => {
    expect(renderJoinPodPicker([]).text).toBe('There are no pods to join yet. An admin can create one with `/pod create`.');
  });
});

describe('renderUnknownPod', () => {
  it('offers the suggestion with a Join button', () => {
    expect(renderUnknownPod('dosc', 'docs')).toEqual({
      text: 'There is no pod called `dosc`. Did you mean `docs`?',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'There is no pod called `dosc`. Did you mean `docs`?' },
          accessory: {
            type: 'button',
            text: { type: 'plain_text', text: 'Join docs', emoji: true },
            action_id: 'join_pod',
            value: 'docs',
            style: 'primary',
          },
        },
      ],
    });
  });

  it('points to the picker when nothing is close', () => {
    expect(renderUnknownPod('zzz', undefined).text).toBe('There is no pod called `zzz`. `/join-pod` shows them all.');
  });
});

describe('renderJoinRefusal', () => {
  it('names the better pod for a full one and offers to join it', () => {
    const reply = renderJoinRefusal(cli, { ok: false, reason: 'full', alternative: { pod: docs, because: 'shared-labels', shared: ['area/docs'] } });
    expect(reply.text).toBe('The *CLI* pod is full (2/2). *Docs* (`docs`, 2/3) has room and also covers `area/docs`.');
    expect(reply.blocks[0]).toMatchObject({ accessory: { action_id: 'join_pod', value: 'docs' } });
  });

  it('explains an archived pod with no alternative', () => {
    expect(renderJoinRefusal(aPod({ displayName: 'Old', archived: true }), { ok: false, reason: 'archived' }).text).toBe(
      'The *Old* pod is archived and takes no new members. No other pod has room right now; ask its advocate or try again later.',
    );
  });

  it('tells a member they are already in', () => {
    expect(renderJoinRefusal(docs, { ok: false, reason: 'already-member' }).text).toBe(
      'You are already in the *Docs* pod. `/pod` shows your pods.',
    );
  });
});

describe('renderSwitchConfirmation', () => {
  it('offers Confirm with old→new and a separate Cancel', () => {
    expect(renderSwitchConfirmation(cli, docs, 1).blocks[1]).toEqual({
      type: 'actions',
      block_id: 'join_pod_switch',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Switch to Docs', emoji: true }, action_id: 'join_pod_switch', value: 'cli→docs', style: 'primary' },
        { type: 'button', text: { type: 'plain_text', text: 'Stay in CLI', emoji: true }, action_id: 'join_pod_switch_cancel', value: 'cli' },
      ],
    });
  });

  it('states the limit', () => {
    expect(renderSwitchConfirmation(cli, docs, 2).text).toBe(
      'You can be in 2 pods at a time. Leave *CLI* and join *Docs*? Your time in the old pod stays in its history.',
    );
  });

  it('reads the switch value back, and nothing else', () => {
    expect(decodeSwitchValue(encodeSwitchValue('cli', 'docs'))).toEqual({ from: 'cli', to: 'docs' });
    expect(decodeSwitchValue('docs')).toBeUndefined();
    expect(decodeSwitchValue('a→b→c')).toBeUndefined();
  });
});

describe('join messages', () => {
  it('confirms the join naming the advocate, the reason and the channel', () => {
    expect(renderJoinConfirmation(docs, { reason: 'docs has 1 newcomer of 2 members, the fewest newcomers among 2 open pods.' }).text).toBe(
      'You joined the *Docs* pod.\n' +
        'Why this pod: docs has 1 newcomer of 2 members, the fewest newcomers among 2 open pods.\n' +
        '<@UALICE> is your advocate and has been told you are here; say hi any time.\n' +
        'The pod talks in <#C0DOCS>.',
    );
  });

  it('mentions the pod left after a switch and several advocates', () => {
    expect(renderJoinConfirmation(cli, { leftPod: docs }).text).toBe(
      'You joined the *CLI* pod. You left *Docs*.\n<@U1> and <@U2> are your advocates and have been told you are here; say hi any time.',
    );
  });

  it('hands a newcomer to the advocate with level and GitHub login', () => {
    expect(renderAdvocateHandoff(docs, { slackId: 'UNEW', level: 'newcomer', githubLogin: 'newbie' }).text).toBe(
      '<@UNEW> joined the *Docs* pod, which you advocate.\n' +
        '• Level: newcomer\n' +
        '• GitHub: <https://github.com/newbie|newbie>\n' +
        '• Pod size: 2/3\n' +
        'They are new here: a hello and a good first issue in your area go a long way.',
    );
  });

  it('says when the joiner has not linked GitHub', () => {
    expect(renderAdvocateHandoff(docs, { slackId: 'UNEW', level: 'regular' }).text).toContain(
      '• GitHub: not linked yet (they can run `/link-github <login>`)',
    );
  });

  it('introduces the joiner in the pod channel', () => {
    expect(renderPodChannelIntro(docs, { slackId: 'UNEW', level: 'newcomer', githubLogin: 'newbie' }).text).toBe(
      ":wave: Welcome <@UNEW> (GitHub: newbie), who joined *Docs* as a newcomer. The pod is now 2/3. <@UALICE> is the pod's advocate.",
    );
  });
});

describe('/pod replies', () => {
  it('lists live pods and counts archived ones', () => {
    const list = renderPodList([docs, cli, aPod({ name: 'old', archived: true })]);
    expect(list.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*2 pods* · `/join-pod <name>` joins one, `/pod info <name>` tells more.' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Docs* `docs` · 2/3 · advocate <@UALICE> · <#C0DOCS>\nDocs &amp; website' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*CLI* `cli` · 2/2 · *full* · advocates <@U1> and <@U2>\nCommand line' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '1 archived pod is not listed.' }] },
    ]);
  });

  it('shows a pod’s labels, paths and members by level', () => {
    const info = renderPodInfo({ ...docs, labels: ['area/docs'], paths: ['docs/**'] });
    expect(info.text).toBe(
      '*Docs* `docs` · 2/3 · advocate <@UALICE> · <#C0DOCS>\nDocs &amp; website\n' +
        '*Labels:* `area/docs`\n*Paths:* `docs/**`\n' +
        '*Members:*\n• newcomer (1): <@UM2>\n• regular (1): <@UM1>',
    );
  });

  it('shows my pods with when I joined, in my time zone', () => {
    const mine = renderMyPods('UM1', [docs, cli]);
    expect(mine.text).toBe('Your pods: docs');
    expect(mine.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Docs* `docs` · 2/3 · advocate <@UALICE> · <#C0DOCS>\nDocs &amp; website\n_You joined <!date^1735732800^{date_short_pretty}|2025-01-01 12:00 UTC>._',
      },
    });
  });

  it('points someone without a pod to /join-pod', () => {
    expect(renderMyPods('UNOBODY', [docs]).text).toBe(
      'You are not in a pod yet. `/join-pod` shows the pods, and `/join-pod auto` picks one for you.',
    );
  });

  it('lists every subcommand in help', () => {
    const help = renderPodHelp().text;
    for (const usage of ['`/pod list`', '`/pod info <name>`', '`/pod leave [name]`', '`/pod create <name>', '`/pod archive <name>`', '`/pod advocate <name> @person`', '`/pod remove <name> @person`', '`/join-pod auto`']) {
      expect(help).toContain(usage);
    }
  });
});
