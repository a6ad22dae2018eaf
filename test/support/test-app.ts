// Starts the real app on port 0 against a fresh database and the loopback fakes, and sends it signed requests.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createApp, type PodbotApp } from '../../src/app/create-app';
import type { Feature } from '../../src/context';
import { parseCommunityConfig, type CommunityConfig } from '../../src/app/community-config';
import { readEnv, type Env } from '../../src/config/env';
import { features as allFeatures } from '../../src/features';
import type { Clock } from '../../src/outbox/types';
import { freshDatabase, type TestDatabase } from './database';
import { FakeGitHub } from './fake-github';
import { FakeSlack } from './fake-slack';
import { githubSignature, slackSignature } from './signers';
import { stringify } from 'yaml';

export const SLACK_SIGNING_SECRET = 'test-signing-secret-0123456789';
export const SLACK_BOT_TOKEN = 'xoxb-test-token-0123456789';
export const GITHUB_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
export const GITHUB_TOKEN = 'ghp_testtoken0123456789abcdefghijklmnop';
export const API_TOKEN = 'test-api-token-0123456789';

/** A clock tests can set and move. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-23T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestAppOptions {
  /** podbot.yml content as an object (validated by the real schema). */
  config?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  clock?: Clock;
  features?: Feature[];
  /** Reuse a database (a second instance, or a restart). */
  db?: TestDatabase;
  slack?: FakeSlack;
  github?: FakeGitHub;
  /** Outbox settings on top of the tests' short poll interval and lease (e.g. call timeouts). */
  outbox?: { slackTimeoutMs?: number; githubTimeoutMs?: number; slackConcurrency?: number; yieldToCommandsMs?: number };
}

export interface TestApp {
  app: PodbotApp;
  url: string;
  db: TestDatabase;
  slack: FakeSlack;
  github: FakeGitHub;
  config: CommunityConfig;
  env: Env;
  logs: Record<string, any>[];
  /** POST /slack/events with a slash command; resolves with the HTTP response (the ack). */
  command(command: string, text: string, user?: string, extra?: Record<string, string>): Promise<Response>;
  /** POST /slack/events with an Events API envelope. */
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<Response>;
  /** POST /slack/events with an interactivity payload (block_actions…). */
  action(payload: Record<string, unknown>): Promise<Response>;
  /** POST /github/webhooks, signed. */
  webhook(event: string, payload: unknown, options?: { delivery?: string; signature?: string }): Promise<Response>;
  /** GET with the API token. */
  api(path: string): Promise<Response>;
  /** Waits until the outbox has sent everything that is due. */
  drain(options?: { timeoutMs?: number; includeFuture?: boolean }): Promise<void>;
  /** Stops the app (not the database or fakes unless `all`). */
  stop(options?: { keepDatabase?: boolean; keepFakes?: boolean }): Promise<void>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const slack = options.slack ?? (await new FakeSlack().start());
  const github = options.github ?? (await new FakeGitHub().start());
  const db = options.db ?? (await freshDatabase());
  const envResult = readEnv({
    PORT: '0',
    LOG_LEVEL: 'debug',
    SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_WEBHOOK_SECRET,
    GITHUB_TOKEN,
    GITHUB_API_URL: github.apiUrl,
    PODBOT_API_TOKEN: API_TOKEN,
    PODBOT_PUBLIC_URL: 'https://podbot.example.org',
    ...options.env,
  });
  if (!envResult.ok) throw new Error(`test env invalid: ${JSON.stringify(envResult.problems)}`);
  const env = envResult.env;
  const config = parseCommunityConfig(stringify(options.config ?? {}));
  const logs: Record<string, any>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const app = createApp({
    env,
    config,
    database: db,
    log,
    features: options.features ?? allFeatures,
    clock: options.clock,
    outbox: { pollMs: 50, leaseMs: 2_000, ...options.outbox },
    cron: false,
  });
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;

  async function postSlack(body: string, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...slackSignature(SLACK_SIGNING_SECRET, body), ...headers },
      body,
    });
  }

  return {
    app,
    url,
    db,
    slack,
    github,
    config,
    env,
    logs,
    command(command, text, user = 'U0TESTER', extra = {}) {
      const body = new URLSearchParams({
        token: 'legacy',
        team_id: 'T0FAKE',
        team_domain: 'fake',
        channel_id: 'C0GENERAL',
        channel_name: 'general',
        user_id: user,
        user_name: user.toLowerCase(),
        command,
        text,
        api_app_id: 'A0PODBOT',
        response_url: slack.responseUrl(randomUUID()),
        trigger_id: `trigger-${randomUUID()}`,
        ...extra,
      }).toString();
      return postSlack(body, 'application/x-www-form-urlencoded');
    },
    event(event, { eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10)}`, retryNum } = {}) {
      const body = JSON.stringify({
        token: 'legacy',
        team_id: 'T0FAKE',
        api_app_id: 'A0PODBOT',
        type: 'event_callback',
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      const headers: Record<string, string> = retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' };
      return postSlack(body, 'application/json', headers);
    },
    action(payload) {
      const body = new URLSearchParams({
        payload: JSON.stringify({ team: { id: 'T0FAKE' }, api_app_id: 'A0PODBOT', response_url: slack.responseUrl(randomUUID()), trigger_id: `trigger-${randomUUID()}`, ...payload }),
      }).toString();
      return postSlack(body, 'application/x-www-form-urlencoded');
    },
    webhook(event, payload, { delivery = randomUUID(), signature } = {}) {
      const body = JSON.stringify(payload);
      return fetch(`${url}/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': delivery,
          'x-hub-signature-256': signature ?? githubSignature(GITHUB_WEBHOOK_SECRET, body),
        },
        body,
      });
    },
    api(path) {
      return fetch(`${url}${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
    },
    drain: (drainOptions) => app.ctx.outbox.drain(drainOptions),
    async stop({ keepDatabase = false, keepFakes = false } = {}) {
      await app.close();
      if (!keepDatabase) await db.destroy();
      if (!keepFakes) {
        if (!options.slack) await slack.stop();
        if (!options.github) await github.stop();
      }
    },
  };
}
