import { describe, expect, it } from 'vitest';
import { renderAppHome } from '../../src/pods/core/home/render-app-home';
import { aMember, aPod } from './builders';

const now = new Date('2025-03-01T00:00:00Z');
const docs = aPod({
  name: 'docs',
  displayName: 'Docs',
  area: 'Documentation',
  capacity: 9,
  advocates: [{ slackId: 'UADV' }],
  members: [
    aMember({ slackId: 'UOLD', level: 'newcomer', joinedAt: new Date('2025-01-01T00:00:00Z') }),
    aMember({ slackId: 'UNEW', level: 'newcomer', githubLogin: 'newbie', joinedAt: new Date('2025-02-20T09:30:00Z') }),
    aMember({ slackId: 'UREG', level: 'regular', joinedAt: new Date('2025-02-25T00:00:00Z') }),
  ],
});
const call = { name: 'Community call', start: new Date('2025-03-04T16:00:00Z'), theme: 'Docs sprint', link: 'https://meet.example/podbot' };

function texts(blocks: unknown[]): string[] {
  return blocks.map((block) => {
    const b = block as { type: string; text?: { text: string }; elements?: { text: string }[] };
    return b.type === 'divider' ? '---' : (b.text?.text ?? b.elements?.[0].text ?? '');
  });
}

describe('renderAppHome', () => {
  it('shows a member their pod, its members and the next call', () => {
    const home = renderAppHome({ viewerSlackId: 'UREG', pods: [docs], nextCall: call, now });
    expect(home.type).toBe('home');
    expect(texts(home.blocks)).toEqual([
      'Your pods',
      '*Docs* `docs` · 3/9 · advocate <@UADV>\nDocumentation',
      'Members: <@UOLD> (newcomer), <@UNEW> (newcomer), <@UREG> (regular)',
      '---',
      'Next community call',
      '*Community call*, <!date^1741104000^{date_short_pretty} at {time}|2025-03-04 16:00 UTC>\nTheme: Docs sprint\n<https://meet.example/podbot|Join the call>',
    ]);
  });

  it('shows an advocate the newcomers of the last 30 days and recent activity, newest first', () => {
    const home = renderAppHome({
      viewerSlackId: 'UADV',
      pods: [docs, aPod({ name: 'cli' })],
      nextCall: undefined,
      now,
      activity: [
        { pod: 'docs', title: 'Fix <typo>', url: 'https://github.com/o/r/pull/1', at: new Date('2025-02-26T00:00:00Z') },
        { pod: 'cli', title: 'Not shown', at: new Date('2025-02-27T00:00:00Z') },
        { pod: 'docs', title: 'Docs for install', at: new Date('2025-02-28T00:00:00Z') },
      ],
    });
    expect(texts(home.blocks).slice(3)).toEqual([
      '---',
      'Next community call',
      'No community call is scheduled yet.',
      '---',
      'Advocate: Docs',
      '*Recent newcomers*\n• <@UNEW> (GitHub: newbie), joined <!date^1740043800^{date_short_pretty}|2025-02-20 09:30 UTC>',
      '*Recent activity*\n' +
        '• Docs for install · <!date^1740700800^{date_short_pretty}|2025-02-28 00:00 UTC>\n' +
        '• <https://github.com/o/r/pull/1|Fix &lt;typo&gt;> · <!date^1740528000^{date_short_pretty}|2025-02-26 00:00 UTC>',
    ]);
  });

  it('invites someone without a pod to join one', () => {
    const home = renderAppHome({ viewerSlackId: 'USTRANGER', pods: [docs], nextCall: undefined, now });
    expect(texts(home.blocks).slice(0, 2)).toEqual([
      'Your pods',
      'You are not in a pod yet. Run `/join-pod` to see them, or `/join-pod auto` to have one picked for you.',
    ]);
  });

  it('stays within Slack’s 100 blocks for a Home tab', () => {
    const many = Array.from({ length: 60 }, (_, i) => aPod({ name: `pod-${i}`, advocates: [{ slackId: 'UADV' }] }));
    const home = renderAppHome({ viewerSlackId: 'UADV', pods: many, nextCall: undefined, now });
    expect(home.blocks).toHaveLength(100);
    expect(texts(home.blocks)[99]).toBe('More is not shown here; `/pod` and `/pod info <name>` have the rest.');
  });
});
