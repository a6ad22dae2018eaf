// Findings 4 and 7: when Slack or GitHub did the work but the answer was lost (a connection reset after the request
// was processed, or a call that never answers), the outbox must look the delivery up before it sends again, and a
// hung call must time out instead of holding a send slot for minutes. 0 duplicates for every send with a lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

describe('reliability › lost answers are looked up, not resent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ features: [], outbox: { slackTimeoutMs: 500, githubTimeoutMs: 500 } });
  });
  afterAll(() => t?.stop());

  it('posts one Slack DM when the connection was reset after Slack posted it', async () => {
    t.slack.loseAnswerNext('chat.postMessage', 1, 'reset');
    await t.app.ctx.outbox.enqueue({ key: 'lost:dm', target: 'slack', method: 'chat.postMessage', payload: { channel: 'U0RESET', text: 'hello once' } });
    await t.drain({ includeFuture: true });
    expect(t.slack.history.get('D0RESET')?.map((m) => m.text)).toEqual(['hello once']);
    expect(await t.db.prisma.outboxJob.findUnique({ where: { key: 'lost:dm' } })).toMatchObject({ status: 'done' });
  });

  it('posts one GitHub comment when the connection was reset after GitHub created it', async () => {
    t.github.loseAnswerNext('POST /repos/acme/widgets/issues/9/comments', 1, 'reset');
    await t.app.ctx.outbox.enqueue({ key: 'lost:comment', target: 'github', method: COMMENT, payload: { owner: 'acme', repo: 'widgets', issue_number: 9, body: 'Welcome!' } });
    await t.drain({ includeFuture: true });
    expect(t.github.commentsOn('acme/widgets', 9)).toHaveLength(1);
  });

  it('times out a Slack call that never answers, finds that it was posted, and does not post again', async () => {
    t.slack.loseAnswerNext('chat.postMessage', 1, 'hang');
    await t.app.ctx.outbox.enqueue({ key: 'hung:dm', target: 'slack', method: 'chat.postMessage', payload: { channel: 'C0HUNG', text: 'slow hello' } });
    await t.drain({ includeFuture: true, timeoutMs: 15_000 });
    expect(t.slack.history.get('C0HUNG')?.map((m) => m.text)).toEqual(['slow hello']);
    expect(await t.db.prisma.outboxJob.findUnique({ where: { key: 'hung:dm' } })).toMatchObject({ status: 'done', lastError: null });
  });

  it('times out a GitHub call that never answers, finds the comment, and does not comment again', async () => {
    t.github.loseAnswerNext('POST /repos/acme/widgets/issues/10/comments', 1, 'hang');
    await t.app.ctx.outbox.enqueue({ key: 'hung:comment', target: 'github', method: COMMENT, payload: { owner: 'acme', repo: 'widgets', issue_number: 10, body: 'Hi' } });
    await t.drain({ includeFuture: true, timeoutMs: 15_000 });
    expect(t.github.commentsOn('acme/widgets', 10)).toHaveLength(1);
  });
});
