// A fake Slack Web API on loopback. It records every call (method, args, token), answers with realistic
// shapes (ts, channel ids), keeps channel history (with message metadata) and can be told to fail or rate-limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RecordingServer } from './http-fake';

export interface SlackCall {
  method: string;
  args: Record<string, any>;
  token?: string;
  at: number;
}

export interface FakeSlackUser {
  id: string;
  name?: string;
  real_name?: string;
  tz?: string;
  is_bot?: boolean;
}

interface StoredMessage {
  ts: string;
  text?: string;
  blocks?: unknown[];
  user?: string;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export class FakeSlack extends RecordingServer {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly history = new Map<string, StoredMessage[]>();
  private tsCounter = 0;
  private overrides = new Map<string, (args: Record<string, any>) => Record<string, unknown>>();

  /** Answers `method` with a custom function (for methods the defaults do not cover). */
  respond(method: string, answer: (args: Record<string, any>) => Record<string, unknown>): void {
    this.overrides.set(method, answer);
  }
  private buckets = new Map<string, { perSecond: number; burst: number; tokens: number; last: number }>();

  /** Slack API base URL for the app (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url for a slash command or action; posts to it are recorded as method "response_url". */
  responseUrl(id = String(this.calls.length)): string {
    return `${this.url}/response/${id}`;
  }

  /** Token-bucket rate limit on a method: beyond it, 429 with Retry-After (whole seconds, as Slack sends). */
  rateLimit(method: string, { perSecond, burst = perSecond }: { perSecond: number; burst?: number }): void {
    this.buckets.set(method, { perSecond, burst, tokens: burst, last: Date.now() });
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Messages posted (chat.postMessage) to a channel or user id. */
  messagesTo(channel: string): SlackCall[] {
    return this.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
  }

  reset(): void {
    this.calls.length = 0;
  }

  protected handle(req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const args = parseArgs(req.headers['content-type'] ?? '', raw.toString('utf8'));
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || (args.token as string | undefined);
    if (url.pathname.startsWith('/response/')) {
      const fault = this.takeFault('response_url');
      if (fault) {
        this.calls.push({ method: 'response_url:failed', args, token, at: Date.now() });
        return this.sendFault(res, fault);
      }
      this.calls.push({ method: 'response_url', args: { ...args, response_url_id: url.pathname.slice(10) }, token, at: Date.now() });
      return this.send(res, 200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const fault = this.takeFault(method);
    this.checkLostAnswer(method, res);
    const limited = !fault && this.overLimit(method);
    this.calls.push({ method, args, token, at: Date.now() });
    if (fault) return this.sendFault(res, fault);
    if (limited) return this.send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limited) });
    if (!token) return this.send(res, 200, { ok: false, error: 'not_authed' });
    const override = this.overrides.get(method);
    this.send(res, 200, override ? override(args) : this.answer(method, args));
  }

  private overLimit(method: string): number | false {
    const bucket = this.buckets.get(method);
    if (!bucket) return false;
    const now = Date.now();
    bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.last) / 1000) * bucket.perSecond);
    bucket.last = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return false;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.perSecond));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1_700_000_000 + Math.floor(this.tsCounter / 1000)}.${String(this.tsCounter % 1_000_000).padStart(6, '0')}`;
  }

  private dmChannel(id: string): string {
    return /^[UW]/.test(id) ? `D${id.slice(1)}` : id;
  }

  private answer(method: string, args: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'podbot', team_id: 'T0FAKE', user_id: 'UPODBOT', bot_id: 'BPODBOT' };
      case 'chat.postMessage': {
        const channel = this.dmChannel(String(args.channel));
        const ts = this.nextTs();
        const message: StoredMessage = { ts, text: args.text, blocks: args.blocks, thread_ts: args.thread_ts, metadata: args.metadata, user: 'UPODBOT' };
        this.history.set(channel, [message, ...(this.history.get(channel) ?? [])]);
        return { ok: true, channel, ts, message: { ...message, bot_id: 'BPODBOT' } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update': {
        const list = this.history.get(String(args.channel)) ?? [];
        const message = list.find((m) => m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        Object.assign(message, { text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: this.dmChannel(String(args.users ?? args.user ?? '').split(',')[0]) } };
      case 'conversations.history': {
        const messages = (this.history.get(String(args.channel)) ?? []).slice(0, Number(args.limit ?? 100)).map((m) => {
          const { metadata: _metadata, ...rest } = m;
          return args.include_all_metadata ? m : rest;
        });
        return { ok: true, messages, has_more: false };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user)) ?? { id: String(args.user), name: String(args.user).toLowerCase() };
        return { ok: true, user: { real_name: user.name, tz: 'Europe/London', tz_offset: 0, is_bot: false, profile: { display_name: user.name, real_name: user.real_name ?? user.name }, ...user } };
      }
      case 'views.publish':
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: `V${this.nextTs().replace('.', '')}`, ...(typeof args.view === 'object' ? args.view : {}) } };
      default:
        return { ok: true };
    }
  }
}

function parseArgs(contentType: string, text: string): Record<string, any> {
  if (!text) return {};
  if (contentType.includes('application/json')) return JSON.parse(text);
  const params = new URLSearchParams(text);
  const out: Record<string, any> = {};
  for (const [key, value] of params) {
    // @slack/web-api form-encodes nested arguments (blocks, metadata) as JSON strings.
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
