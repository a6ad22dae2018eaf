import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubSignature, slackSignature } from '../support/signers';
import { SLACK_SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app';

describe('http surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.stop());

  it('healthz reports the database', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ ok: true, kind: t.db.kind });
  });

  it('healthz answers 503 when the database does not answer', async () => {
    const broken = await startTestApp({
      features: [],
      db: { ...t.db, ping: () => Promise.reject(new Error('connection refused')), destroy: async () => {} },
      slack: t.slack,
      github: t.github,
    });
    try {
      const res = await fetch(`${broken.url}/healthz`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).database).toMatchObject({ ok: false, error: 'connection refused' });
    } finally {
      await broken.stop({ keepDatabase: true, keepFakes: true });
    }
  });

  it('metrics are Prometheus text', async () => {
    await fetch(`${t.url}/healthz`);
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toContain('# TYPE podbot_http_requests_total counter');
    expect(text).toMatch(/podbot_http_requests_total\{route="\/healthz",status="200"\} \d+/);
  });

  it('times every answer to Slack in podbot_slack_ack_seconds', async () => {
    const count = async () => Number((await (await fetch(`${t.url}/metrics`)).text()).match(/^podbot_slack_ack_seconds_count (\d+)$/m)?.[1]);
    const before = await count();
    expect((await t.command('/pod', 'help', 'U0ACK')).status).toBe(200);
    // Observed when the response has finished, which the client may see a moment before the server does.
    const deadline = Date.now() + 5_000;
    while ((await count()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await count()).toBe(before + 1);
  });

  describe('slack signatures', () => {
    const body = JSON.stringify({ type: 'event_callback', event_id: 'EvSIG1', event: { type: 'team_join', user: { id: 'U0SIG' } } });

    it('rejects a request without a signature with 401', async () => {
      const res = await fetch(`${t.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(401);
    });

    it('rejects a wrong signature with 401', async () => {
      const res = await fetch(`${t.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignature('another-secret', body) },
        body,
      });
      expect(res.status).toBe(401);
    });

    it('rejects a timestamp older than five minutes with 401', async () => {
      const old = Math.floor(Date.now() / 1000) - 6 * 60;
      const res = await fetch(`${t.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignature(SLACK_SIGNING_SECRET, body, old) },
        body,
      });
      expect(res.status).toBe(401);
    });

    it('leaves no trace of rejected requests', async () => {
      expect(await t.db.prisma.slackEventReceipt.count({ where: { eventId: 'EvSIG1' } })).toBe(0);
      expect(await t.db.prisma.outboxJob.count()).toBe(0);
    });

    it('accepts a correctly signed url_verification challenge', async () => {
      const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
      const res = await fetch(`${t.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignature(SLACK_SIGNING_SECRET, challenge) },
        body: challenge,
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('abc123');
    });
  });

  describe('github signatures', () => {
    const payload = { action: 'opened', issue: { number: 1 } };

    it('rejects a missing signature with 401', async () => {
      const res = await fetch(`${t.url}/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'd-missing' },
        body: JSON.stringify(payload),
      });
      expect(res.status).toBe(401);
    });

    it('rejects a wrong signature with 401 and records nothing', async () => {
      const res = await t.webhook('issues', payload, { delivery: 'd-wrong', signature: githubSignature('another-secret', JSON.stringify(payload)) });
      expect(res.status).toBe(401);
      expect(await t.db.prisma.webhookDelivery.count({ where: { id: 'd-wrong' } })).toBe(0);
    });

    it('rejects malformed JSON with 400 and a reason', async () => {
      const body = '{"action": "opened",';
      const res = await fetch(`${t.url}/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'd-bad-json', 'x-hub-signature-256': githubSignature('test-webhook-secret-0123456789', body) },
        body,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error).toMatch(/JSON/);
    });

    it('rejects an unknown event name with 400', async () => {
      const res = await t.webhook('no_such_event', payload, { delivery: 'd-unknown' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error).toContain('no_such_event');
    });

    it('answers ping', async () => {
      const res = await t.webhook('ping', { zen: 'Keep it logically awesome.', hook_id: 1 });
      expect(res.status).toBe(200);
    });
  });

  it('retries a reply to a response_url that failed transiently', async () => {
    // Only this test's calls count: earlier tests may have answered through response_url too.
    const answered = t.slack.callsTo('response_url').length;
    const failed = t.slack.callsTo('response_url:failed').length;
    const ours = () => t.slack.callsTo('response_url').slice(answered).some((c) => JSON.stringify(c.args).includes('/pod'));
    t.slack.failNext('response_url', 2, { status: 503 });
    const res = await t.command('/pod', 'help', 'U0RETRY');
    expect(res.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (!ours() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(t.slack.callsTo('response_url:failed').slice(failed)).toHaveLength(2);
    expect(ours()).toBe(true);
  });

  describe('api authentication', () => {
    it('answers 401 without the bearer token, and 200 with it', async () => {
      expect((await fetch(`${t.url}/api/pods`)).status).toBe(401);
      expect((await fetch(`${t.url}/api/calls`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      expect((await t.api('/api/pods')).status).toBe(200);
    });

    it('hides /api/* with 404 when PODBOT_API_TOKEN is unset', async () => {
      const closed = await startTestApp({ env: { PODBOT_API_TOKEN: undefined }, db: { ...t.db, destroy: async () => {} }, slack: t.slack, github: t.github });
      try {
        expect((await fetch(`${closed.url}/api/pods`, { headers: { authorization: 'Bearer anything-0123456789' } })).status).toBe(404);
      } finally {
        await closed.stop({ keepDatabase: true, keepFakes: true });
      }
    });
  });
});
