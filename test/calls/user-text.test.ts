import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { ask, blocksText, callEntry, tickAt, waitFor } from './call-app';

// Skip reasons and agenda topics come from anyone who can type the command. Slack reads `<!channel>`,
// `<@U…>` and `<url|label>` as control sequences in a message's `text` as well as in its blocks
// (https://api.slack.com/reference/surfaces/formatting#escaping), so neither may carry them raw.

const HOSTILE = '<!channel> see <https://evil.example|the docs> & <@U0VICTIM>';
const CONTROL = /<[!@#]|<https?:/;

describe('/community-call keeps user text inert', () => {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { admins: ['U0ADMIN'], calls: [callEntry({ start: '2026-11-04' })] } });
  });
  afterAll(() => t?.stop());

  function postedWithKeyPrefix(prefix: string) {
    return t.slack.messagesTo('C0CALLS').filter((call) => String(call.args.metadata?.event_payload?.key).startsWith(prefix));
  }

  it('escapes a skip reason in the text and the blocks of the cancellation post', async () => {
    await ask(t, `skip 2026-12-02 ${HOSTILE}`, 'U0HOSTA');
    const [post] = await waitFor(() => {
      const posts = postedWithKeyPrefix('calls:skip:community-call/2026-12-02');
      return posts.length > 0 && posts;
    }, 'the cancellation post');
    expect(post.args.text).not.toMatch(CONTROL);
    expect(post.args.text).toContain('&lt;!channel&gt; see &lt;https://evil.example|the docs&gt; &amp; &lt;@U0VICTIM&gt;');
    const shown = blocksText(post.args.blocks);
    expect(shown).toContain('Reason: &lt;!channel&gt;');
    expect(shown.replace('<@U0HOSTA>', '')).not.toMatch(CONTROL);
  });

  it('escapes an agenda topic in the confirmation and in the reminder that lists it', async () => {
    const reply = await ask(t, `agenda ${HOSTILE}`, 'U0MEMBER');
    expect(reply.text).toContain('Added “&lt;!channel&gt; see &lt;https://evil.example|the docs&gt; &amp; &lt;@U0VICTIM&gt;”');
    expect(reply.text).not.toMatch(CONTROL);
    expect(reply.shown).not.toMatch(CONTROL);

    await tickAt(t, clock, '2026-11-24T16:30:00Z');
    const [reminder] = postedWithKeyPrefix('calls:community-call/2026-11-25T16:30:00Z/reminder:24h');
    expect(reminder.args.text).not.toMatch(CONTROL);
    expect(blocksText(reminder.args.blocks)).toContain('• &lt;!channel&gt; see');
  });

  it('does not echo a mention back when a subcommand is not understood', async () => {
    const reply = await ask(t, '<!channel>', 'U0MEMBER');
    expect(reply.text).toContain('is not something I know');
    expect(reply.text).not.toMatch(CONTROL);
  });
});
