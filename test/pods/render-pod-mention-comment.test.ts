import { describe, expect, it } from 'vitest';
import { readPodMentionMarker } from '../../src/pods/core/mentions/pod-mention-marker';
import { renderPodMentionComment } from '../../src/pods/core/mentions/render-pod-mention-comment';
import { aPod } from './builders';

const docs = aPod({ name: 'docs', displayName: 'Docs', area: 'Documentation and the website', channel: 'C0DOCS' });
const cli = aPod({ name: 'cli', displayName: 'CLI', area: 'The command line tool.' });

describe('renderPodMentionComment', () => {
  it('names one pod, ccs its advocates and links its Slack channel', () => {
    expect(renderPodMentionComment([{ pod: docs, cc: ['alice', 'bob'] }])).toBe(
      [
        '<!-- podbot:pod-mention docs -->',
        'This belongs to the **Docs** Pod: Documentation and the website.',
        '',
        'cc @alice @bob',
        '',
        'Reach the Pod in [its Slack channel](https://slack.com/app_redirect?channel=C0DOCS), or join it with `/join-pod docs` in Slack.',
      ].join('\n'),
    );
  });

  it('covers several pods in one comment, with /join-pod for a pod without a channel', () => {
    expect(renderPodMentionComment([{ pod: docs, cc: ['alice'] }, { pod: cli, cc: [] }], { slackTeamId: 'T0TEAM' })).toBe(
      [
        '<!-- podbot:pod-mention docs,cli -->',
        'This belongs to the **Docs** and **CLI** Pods.',
        '',
        '- **Docs**: Documentation and the website. cc @alice. Reach the Pod in [its Slack channel](https://slack.com/app_redirect?channel=C0DOCS&team=T0TEAM), or join it with `/join-pod docs` in Slack.',
        '- **CLI**: The command line tool. Reach the Pod by joining it with `/join-pod cli` in Slack.',
      ].join('\n'),
    );
  });

  it('refuses to render an empty comment', () => {
    expect(() => renderPodMentionComment([])).toThrow('renderPodMentionComment needs at least one pod');
  });
});

describe('readPodMentionMarker', () => {
  it('reads back the pods a rendered comment mentions', () => {
    expect(readPodMentionMarker(renderPodMentionComment([{ pod: docs, cc: [] }, { pod: cli, cc: [] }]))).toEqual(['docs', 'cli']);
  });

  it('reads every marker in a body and ignores other comments', () => {
    const body = 'Thanks!\n<!-- podbot:pod-mention docs -->\n<!-- something else -->\n<!--podbot:pod-mention  cli, docs -->';
    expect(readPodMentionMarker(body)).toEqual(['docs', 'cli']);
  });

  it('finds nothing in a plain comment', () => {
    expect(readPodMentionMarker('This belongs to the **Docs** Pod')).toEqual([]);
  });
});
