// Probes, metrics and request logs on the real server: /livez, /readyz (and its alias /healthz), /metrics with the
// standard process_* and nodejs_* names and the HTTP latency histogram, METRICS_PORT, and request ids in the logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/context';
import { features } from '../../src/features';
import { serveMetrics } from '../../src/http/metrics-server';
import { createLogger } from '../../src/log';
import { startTestApp, type TestApp } from '../support/test-app';

describe('probes and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('/livez answers for the process and its event loop', async () => {
    const res = await fetch(`${t.url}/livez`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; eventLoop: { maxDelayMs: number; p99DelayMs: number } };
    expect(body.status).toBe('ok');
    expect(body.eventLoop.maxDelayMs).toBeGreaterThanOrEqual(0);
  });

  it('/readyz and /healthz report the database, the migrations and the start-up tasks', async () => {
    for (const path of ['/readyz', '/healthz']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: { kind: t.db.kind, ok: true }, migrations: 'applied', startupTasks: 'done', slack: 'on' });
    }
  });

  it('/metrics keeps the standard names of the default metrics and has the request latency histogram', async () => {
    await fetch(`${t.url}/readyz`);
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).not.toContain('podbot_process_');
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/readyz",status="200"\} \d+/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/readyz",status="200"\} [1-9]/m);
  });

  it('gives every request an id, keeps a proxy\'s, and logs GitHub\'s delivery id and Slack\'s trigger id with it', async () => {
    const own = await fetch(`${t.url}/livez`, { headers: { 'x-request-id': 'lb-1234' } });
    expect(own.headers.get('x-request-id')).toBe('lb-1234');
    const fresh = await fetch(`${t.url}/livez`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const hook = await t.webhook('ping', { zen: 'Keep it logically awesome.', hook_id: 1 }, { delivery: 'delivery-42' });
    const hookId = hook.headers.get('x-request-id');
    await t.command('/pod', 'help', 'U123');
    await expect.poll(() => t.logs.filter((l) => l.msg === 'http request' && l.route === '/slack/events').length).toBeGreaterThan(0);
    const hookLine = t.logs.find((l) => l.msg === 'http request' && l.requestId === hookId);
    expect(hookLine).toMatchObject({ route: '/github/webhooks', githubDelivery: 'delivery-42', githubEvent: 'ping', method: 'POST' });
    const slackLine = t.logs.find((l) => l.msg === 'http request' && l.route === '/slack/events');
    expect(slackLine).toMatchObject({ status: 200, slackTriggerId: expect.stringMatching(/^trigger-/) });
    // Probes are logged at debug, requests that matter at info.
    expect(t.logs.find((l) => l.requestId === 'lb-1234')?.level).toBe(20);
    expect(slackLine!.level).toBe(30);
  });
});

describe('readiness waits for start-up tasks', () => {
  it('answers 503 while a start-up task is still being retried, and 200 once it is done', async () => {
    let allowed = false;
    const flaky: Feature = (_ctx, surfaces) =>
      surfaces.onStart('flaky', async () => {
        if (!allowed) throw new Error('the platform is down');
      });
    const t = await startTestApp({ features: [...features, flaky] });
    try {
      const res = await fetch(`${t.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', database: { ok: true }, startupTasks: { pending: ['flaky'] } });
      expect((await fetch(`${t.url}/livez`)).status).toBe(200);
      allowed = true;
      await expect.poll(async () => (await fetch(`${t.url}/readyz`)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    } finally {
      await t.stop();
    }
  }, 30_000);
});

describe('METRICS_PORT', () => {
  it('serves /metrics on its own port and not on the public one', async () => {
    const t = await startTestApp({ env: { METRICS_PORT: '0' } });
    const metrics = await serveMetrics(t.app.ctx, 0);
    try {
      expect(t.env.metricsPort).toBe(0);
      expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${metrics.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^process_cpu_user_seconds_total /m);
      expect((await fetch(`http://127.0.0.1:${metrics.port}/readyz`)).status).toBe(404);
    } finally {
      await metrics.close();
      await t.stop();
    }
  });
});

describe('log formats', () => {
  it('writes JSON with an ISO time and the level name, or one readable line with LOG_FORMAT=pretty', () => {
    const json: string[] = [];
    createLogger({ level: 'info', destination: { write: (l: string) => void json.push(l) } }).warn({ pod: 'docs' }, 'pod is full');
    const entry = JSON.parse(json[0]);
    expect(entry).toMatchObject({ level: 'warn', msg: 'pod is full', pod: 'docs', app: 'podbot' });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);

    const pretty: string[] = [];
    const log = createLogger({ level: 'info', format: 'pretty', secrets: ['hunter2-secret'], destination: { write: (l: string) => void pretty.push(l) } });
    log.info({ pod: 'docs', people: ['UALICE'] }, 'joined with hunter2-secret');
    log.error({ err: new Error('boom') }, 'failed');
    expect(pretty[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}joined with \[redacted\] {2}pod=docs people=\["UALICE"\]\n$/);
    expect(pretty[1]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} ERROR failed\n {2}Error: boom\n {6}at /);
  });
});
