// Finding 12, the smaller items: replays and future timestamps refused, payloads checked before any side effect,
// a damaged GitHub App key refused as configuration, errors logged readably, the /api token compared in constant time.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callEntry, waitFor } from '../calls/call-app';
import { readEnv } from '../../src/config/env';
import { errorSummary } from '../../src/errors';
import { createLogger } from '../../src/log';
import { slackSignature } from '../support/signers';
import { API_TOKEN, SLACK_SIGNING_SECRET, startTestApp, TestClock, type TestApp } from '../support/test-app';
import { anIssueEvent } from '../welcome/github-payloads';

describe('reliability › smaller findings', () => {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      clock,
      config: { calls: [callEntry({ start: '2026-11-04' })], pods: [{ name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'] }] },
    });
  });
  afterAll(() => t?.stop());

  function agendaCommand(topic: string): string {
    return new URLSearchParams({
      team_id: 'T0FAKE',
      channel_id: 'C0GENERAL',
      user_id: 'U0REPLAY',
      command: '/community-call',
      text: `agenda ${topic}`,
      api_app_id: 'A0PODBOT',
      response_url: t.slack.responseUrl(randomUUID()),
      trigger_id: `trigger-${randomUUID()}`,
    }).toString();
  }

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${t.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

  it('refuses a Slack request signed 10 minutes in the future', async () => {
    const body = agendaCommand('From the future');
    const res = await post(body, slackSignature(SLACK_SIGNING_SECRET, body, Math.floor(Date.now() / 1000) + 10 * 60));
    expect(res.status).toBe(401);
    expect(await t.db.prisma.agendaItem.count({ where: { topic: 'From the future' } })).toBe(0);
  });

  it('runs a signed slash command replayed within 5 minutes once', async () => {
    const body = agendaCommand('Replayed topic');
    const headers = slackSignature(SLACK_SIGNING_SECRET, body);
    expect((await post(body, headers)).status).toBe(200);
    await waitFor(async () => (await t.db.prisma.agendaItem.count({ where: { topic: 'Replayed topic' } })) === 1, 'the first run');
    const replay = await post(body, headers);
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await t.db.prisma.agendaItem.count({ where: { topic: 'Replayed topic' } })).toBe(1);
  });

  it('refuses an issue without created_at with 400 before any handler queues a comment or message', async () => {
    // issues.labeled: the pod mention (pods) and the ledger (which needs created_at) both handle it.
    const payload = { ...anIssueEvent('labeled', { number: 41, login: 'no-date', labels: ['area/docs'] }), label: { name: 'area/docs' } } as Record<string, any>;
    delete payload.issue.created_at;
    const jobsBefore = await t.db.prisma.outboxJob.count();
    const res = await t.webhook('issues', payload);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/created_at/);
    await t.drain();
    expect(await t.db.prisma.outboxJob.count()).toBe(jobsBefore);
    expect(t.github.commentsOn('o/r', 41)).toEqual([]);
  });

  it('compares the /api token in constant time: a token of the right length but wrong is refused, the right one accepted', async () => {
    const wrong = API_TOKEN.slice(0, -1) + (API_TOKEN.endsWith('x') ? 'y' : 'x');
    expect((await fetch(`${t.url}/api/pods`, { headers: { authorization: `Bearer ${wrong}` } })).status).toBe(401);
    expect((await fetch(`${t.url}/api/pods`, { headers: { authorization: `Bearer ${API_TOKEN}x` } })).status).toBe(401);
    expect((await t.api('/api/pods')).status).toBe(200);
  });
});

describe('reliability › configuration and logging', () => {
  it('treats a damaged GitHub App key as a configuration problem, not a transient failure', () => {
    const result = readEnv({
      GITHUB_APP_ID: '4242',
      GITHUB_INSTALLATION_ID: '777',
      GITHUB_PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\\nnot-a-key\\n-----END RSA PRIVATE KEY-----',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ where: 'GITHUB_PRIVATE_KEY', message: expect.stringMatching(/cannot be read/) }]);
  });

  it('logs a thrown string and an error summary readably (message, type and status kept)', () => {
    const lines: Record<string, any>[] = [];
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    log.warn({ err: 'boom' }, 'identity: GitHub user lookup failed');
    log.warn({ err: errorSummary(Object.assign(new Error('Server Error'), { name: 'HttpError', status: 502 })) }, 'identity: GitHub user lookup failed');
    expect(lines[0].err).toEqual({ message: 'boom' });
    expect(lines[1].err).toMatchObject({ type: 'HttpError', message: 'Server Error', status: 502 });
  });
});
