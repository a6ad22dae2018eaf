import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/open-database';
import { outboxMarker } from '../../src/clients/github';
import { onPostgres } from '../support/database';
import { startTestApp, type TestApp } from '../support/test-app';

const post = (key: string, channel = 'C0OUTBOX') => ({
  key,
  target: 'slack' as const,
  method: 'chat.postMessage',
  payload: { channel, text: `message ${key}` },
});

describe('outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ features: [] });
  });
  afterAll(() => t?.stop());

  it('enqueues a key once, however often it is offered', async () => {
    expect(await t.app.ctx.outbox.enqueue(post('once'))).toBe(1);
    expect(await t.app.ctx.outbox.enqueue([post('once'), post('once')])).toBe(0);
    await t.drain();
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.text === 'message once')).toHaveLength(1);
  });

  it('stores each job as given: payload, due time, installation, and times as the ORM reads them', async () => {
    const notBefore = new Date('2031-05-06T07:08:09.123Z');
    const payload = { channel: 'C0STORED', text: 'héllo "quoted" \\ back\nslash ✓', blocks: [{ type: 'section', n: 1.5, ok: true, none: null }] };
    const before = Date.now();
    expect(
      await t.app.ctx.outbox.enqueue([
        { key: 'stored-later', target: 'slack', method: 'chat.postMessage', payload, notBefore },
        { key: 'stored-github', target: 'github', method: 'issues.createComment', payload: { owner: 'o', repo: 'r' }, installationId: 9_007_199_254, notBefore },
      ]),
    ).toBe(2);
    const jobs = await t.db.prisma.outboxJob.findMany({ where: { key: { in: ['stored-later', 'stored-github'] } }, orderBy: { key: 'asc' } });
    expect(jobs.map((job) => [job.key, job.payload, job.nextAttemptAt.toISOString(), job.installationId, job.status, job.attempts])).toEqual([
      ['stored-github', { owner: 'o', repo: 'r' }, notBefore.toISOString(), 9_007_199_254n, 'pending', 0],
      ['stored-later', payload, notBefore.toISOString(), null, 'pending', 0],
    ]);
    for (const job of jobs) {
      expect(job.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(job.updatedAt.getTime()).toBe(job.createdAt.getTime());
    }
    await t.db.prisma.outboxJob.deleteMany({ where: { key: { in: ['stored-later', 'stored-github'] } } });
  });

  it('marks each delivered job done with its own send time and result, also when deliveries finish together', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `together-${i}`);
    const before = t.app.ctx.clock.now().getTime();
    await t.app.ctx.outbox.enqueue(keys.map((key) => post(key, `C0T${key.slice(9)}`)));
    await t.drain();
    const after = t.app.ctx.clock.now().getTime();
    const jobs = await t.db.prisma.outboxJob.findMany({ where: { key: { in: keys } } });
    expect(jobs).toHaveLength(30);
    for (const job of jobs) {
      expect(job).toMatchObject({ status: 'done', lockedUntil: null, lastError: null });
      // Stored as the ORM stores DateTime (UTC), so it reads back as the instant it was taken.
      expect(job.sentAt!.getTime()).toBeGreaterThanOrEqual(before);
      expect(job.sentAt!.getTime()).toBeLessThanOrEqual(after);
      // Each job keeps the result of its own call: the message Slack posted in its own channel.
      const channel = String((job.payload as { channel: string }).channel);
      expect(job.result).toMatchObject({ channel, ts: expect.any(String) });
    }
  });

  it('waits out a 429 for Retry-After and then delivers once', async () => {
    t.slack.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    await t.app.ctx.outbox.enqueue(post('limited'));
    await t.drain({ includeFuture: true });
    const attempts = t.slack.callsTo('chat.postMessage').filter((c) => c.args.text === 'message limited');
    expect(attempts).toHaveLength(2);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(900);
    const job = await t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key: 'limited' } });
    expect(job).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('retries a 5xx with backoff', async () => {
    t.slack.failNext('chat.postMessage', 1, { status: 503 });
    await t.app.ctx.outbox.enqueue(post('flaky'));
    await t.drain({ includeFuture: true });
    const job = await t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key: 'flaky' } });
    expect(job.status).toBe('done');
    expect(job.attempts).toBe(2);
  });

  it('records a permanent failure, logs it and counts it in /metrics', async () => {
    t.slack.failNext('chat.postMessage', 1, { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await t.app.ctx.outbox.enqueue(post('doomed', 'C0GONE'));
    await t.drain({ includeFuture: true });
    const job = await t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key: 'doomed' } });
    expect(job.status).toBe('failed');
    expect(job.lastError).toContain('channel_not_found');
    expect(t.logs.some((l) => l.key === 'doomed' && l.code === 'channel_not_found' && l.level === 50)).toBe(true);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/podbot_outbox_failed_total\{target="slack",method="chat.postMessage",error="channel_not_found"\} 1/);
  });

  it('does not post again when an in-doubt Slack message had been delivered', async () => {
    // As if a worker died after Slack accepted the message but before it was marked done.
    const key = 'in-doubt-delivered';
    const posted = await t.app.ctx.slack!.chat.postMessage({
      channel: 'C0DOUBT',
      text: 'first attempt',
      metadata: { event_type: 'podbot_outbox', event_payload: { key } },
    });
    await t.db.prisma.outboxJob.create({
      data: { key, target: 'slack', method: 'chat.postMessage', payload: { channel: 'C0DOUBT', text: 'again' }, status: 'sending', attempts: 1, lockedUntil: new Date(Date.now() - 1000) },
    });
    t.app.ctx.outbox.kick();
    await t.drain();
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.text === 'again')).toHaveLength(0);
    const job = await t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key } });
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ ts: posted.ts, recovered: true });
  });

  it('sends an in-doubt Slack message that never arrived', async () => {
    const key = 'in-doubt-lost';
    await t.db.prisma.outboxJob.create({
      data: { key, target: 'slack', method: 'chat.postMessage', payload: { channel: 'U0LOST', text: 'lost once' }, status: 'sending', attempts: 1, lockedUntil: new Date(Date.now() - 1000) },
    });
    t.app.ctx.outbox.kick();
    await t.drain();
    expect(t.slack.callsTo('conversations.open').some((c) => c.args.users === 'U0LOST')).toBe(true);
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.text === 'lost once')).toHaveLength(1);
  });

  it('does not comment again when an in-doubt GitHub comment is already on the issue', async () => {
    const key = 'gh-in-doubt';
    t.github.comments.set('acme/widgets#7', [
      { id: 1, body: `hello\n\n${outboxMarker(key)}`, user: { login: 'podbot[bot]', type: 'Bot' }, html_url: 'https://github.com/acme/widgets/issues/7#c1', created_at: '' },
    ]);
    await t.db.prisma.outboxJob.create({
      data: {
        key,
        target: 'github',
        method: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        payload: { owner: 'acme', repo: 'widgets', issue_number: 7, body: 'hello' },
        status: 'sending',
        attempts: 1,
        lockedUntil: new Date(Date.now() - 1000),
      },
    });
    t.app.ctx.outbox.kick();
    await t.drain();
    expect(t.github.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(0);
    expect(t.github.commentsOn('acme/widgets', 7)).toHaveLength(1);
  });

  it('adds a marker to GitHub comments so they can be found again', async () => {
    await t.app.ctx.outbox.enqueue({
      key: 'gh-comment',
      target: 'github',
      method: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      payload: { owner: 'acme', repo: 'widgets', issue_number: 8, body: 'Welcome!' },
    });
    await t.drain();
    expect(t.github.commentsOn('acme/widgets', 8).map((c) => c.body)).toEqual([`Welcome!\n\n${outboxMarker('gh-comment')}`]);
  });

  it('delivers every job exactly once when two instances share the database', async () => {
    const second = onPostgres ? await openDatabase({ url: t.db.url, dataDir: '' }) : t.db;
    const other = await startTestApp({ features: [], db: { ...second, destroy: async () => {} } as never, slack: t.slack, github: t.github });
    try {
      const jobs = Array.from({ length: 40 }, (_, i) => post(`shared-${i}`));
      await Promise.all([t.app.ctx.outbox.enqueue(jobs.slice(0, 20)), other.app.ctx.outbox.enqueue(jobs.slice(20))]);
      await Promise.all([t.drain(), other.drain()]);
      const texts = t.slack.callsTo('chat.postMessage').map((c) => String(c.args.text)).filter((text) => text.startsWith('message shared-'));
      expect(texts).toHaveLength(40);
      expect(new Set(texts).size).toBe(40);
    } finally {
      await other.stop({ keepDatabase: true, keepFakes: true });
      if (onPostgres) await second.close();
    }
  });
});

// Commands first: a notification enqueued while commands are being worked through waits for a gap between them,
// and goes anyway after a while (a second in production, OUTBOX_YIELDS_TO_COMMANDS_MS) if the commands leave none.
describe('outbox › sends in the gaps between commands', () => {
  const sent = (t: TestApp, text: string) => t.slack.callsTo('chat.postMessage').filter((call) => call.args.text === text);

  /**
   * An app whose command queue holds one job while `body` runs, which starts once the outbox waits for the queue.
   * The job is released (if `body` has not) and the app stopped afterwards.
   */
  async function withHeldQueue(yieldToCommandsMs: number, body: (t: TestApp, release: () => Promise<void>) => Promise<void>): Promise<void> {
    const t = await startTestApp({ features: [], outbox: { yieldToCommandsMs } });
    // Watched, not replaced: the outbox's next call to quiet() after the job started is where it waits.
    const quiet = vi.spyOn(t.app.ctx.workQueue, 'quiet');
    let open!: () => void;
    const job = t.app.ctx.workQueue.run(() => new Promise<void>((resolve) => (open = resolve)));
    const callsBeforeTheJob = quiet.mock.calls.length;
    const release = async () => {
      open();
      await job;
    };
    try {
      await expect.poll(() => quiet.mock.calls.length, { timeout: 5_000 }).toBeGreaterThan(callsBeforeTheJob);
      await body(t, release);
    } finally {
      await release();
      await t.stop();
    }
  }

  it('holds a send while a command job runs, and sends it once the job is done', async () => {
    await withHeldQueue(60_000, async (t, release) => {
      await t.app.ctx.outbox.enqueue(post('after-command'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sent(t, 'message after-command')).toHaveLength(0);
      await release();
      await t.drain();
      expect(sent(t, 'message after-command')).toHaveLength(1);
    });
  });

  it('sends anyway when the commands leave no gap', async () => {
    await withHeldQueue(200, async (t) => {
      await t.app.ctx.outbox.enqueue(post('despite-commands'));
      await expect.poll(() => sent(t, 'message despite-commands').length, { timeout: 5_000 }).toBe(1);
    });
  });

  // Without ending the wait, stop() would wait out the 60 s and the test time out.
  it('stops while waiting for a gap, at once and without sending what waits', async () => {
    await withHeldQueue(60_000, async (t) => {
      await t.app.ctx.outbox.enqueue(post('left-for-next-start'));
      await t.app.ctx.outbox.stop();
      expect(sent(t, 'message left-for-next-start')).toHaveLength(0);
      expect(await t.db.prisma.outboxJob.findUniqueOrThrow({ where: { key: 'left-for-next-start' } })).toMatchObject({ status: 'pending', attempts: 0 });
    });
  });
});
