// Finding 9: text a person controls must never become a mention or a link where podbot writes it: names, titles,
// reasons and topics, in Slack `text` and blocks and in GitHub markdown. (Co-authors as plain text in release notes
// and escaped skip reasons landed with the releases and calls work; this checks the paths end to end.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, callEntry } from '../calls/call-app';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { anIssueEvent } from '../welcome/github-payloads';

const HOSTILE = '<!channel> <!here> <@U0VICTIM> <https://evil.example|click> @org/security-team [x](https://evil.example)';

/** Every Slack-side string podbot sent (text and blocks, through the API and response_urls). */
function slackOutput(t: TestApp): string[] {
  return t.slack.calls.map((call) => JSON.stringify({ text: call.args.text, blocks: call.args.blocks, view: call.args.view }));
}

/** Raw Slack control sequences from the hostile text: `<!channel>`, `<!here>`, `<@U0VICTIM>`, `<https://evil…>`. */
const RAW_SLACK = /<!channel>|<!here>|<@U0VICTIM>|<https:\/\/evil\.example/;

describe('reliability › user text is never a mention or a link where podbot writes it', () => {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      clock,
      config: {
        admins: ['U0ADMIN'],
        calls: [callEntry({ start: '2026-11-04' })],
        pods: [{ name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'] }],
      },
    });
    await t.db.prisma.contributor.create({ data: { slackUserId: 'U0ADVOCATE', githubLogin: 'ada', githubLoginLower: 'ada' } });
  });
  afterAll(() => t?.stop());

  it('a newcomer’s display name in the welcome DM', async () => {
    expect((await t.event({ type: 'team_join', user: { id: 'U0HOSTILE', real_name: HOSTILE, profile: { display_name: HOSTILE } } })).status).toBe(200);
    await t.drain();
    expect(t.slack.messagesTo('U0HOSTILE')).toHaveLength(1);
    for (const out of slackOutput(t)) expect(out).not.toMatch(RAW_SLACK);
  });

  it('an agenda topic and a skip reason, in answers and channel posts', async () => {
    const added = await ask(t, `community-call agenda ${HOSTILE}`, 'U0MEMBER');
    const skipped = await ask(t, `community-call skip 2026-11-25 ${HOSTILE}`, 'U0ADMIN');
    await t.drain();
    // The text is shown, escaped: `&lt;!channel&gt;` reads as <!channel> and notifies no one.
    expect(added.text).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U0VICTIM&gt;');
    expect(skipped.text).toMatch(/^Skipped the Community call/);
    const cancellation = t.slack.messagesTo('C0CALLS').find((call) => String(call.args.text).includes('is cancelled'));
    expect(cancellation?.args.text).toContain('&lt;!channel&gt;');
    for (const out of slackOutput(t)) expect(out).not.toMatch(RAW_SLACK);
  });

  it('a first issue’s title and author, in the GitHub comment and the advocate’s DM', async () => {
    const payload = anIssueEvent('opened', { number: 66, login: 'hostile', labels: ['area/docs'], title: HOSTILE });
    expect((await t.webhook('issues', payload)).status).toBe(202);
    await t.drain();
    const comments = t.github.commentsOn('o/r', 66).map((c) => c.body);
    expect(comments.length).toBeGreaterThan(0);
    for (const body of comments) {
      expect(body).not.toContain('@org/security-team');
      expect(body).not.toContain('](https://evil.example)');
    }
    for (const out of slackOutput(t)) expect(out).not.toMatch(RAW_SLACK);
  });
});
