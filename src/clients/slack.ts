import { ErrorCode, LogLevel, WebClient, type WebAPICallResult } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ClaimedJob, Sender, SendFailure } from '../outbox/types';

export interface SlackSettings {
  botToken: string;
  apiUrl: string;
  /** Per-call timeout; without one a hung call holds a send slot for minutes (undici's default is 300 s). */
  timeoutMs?: number;
}

/** Slack answers in well under a second; 10 s means it is not going to. */
export const SLACK_TIMEOUT_MS = 10_000;

/** Metadata stamped on every message the outbox posts, so an in-doubt send can be found again. */
export const OUTBOX_METADATA_EVENT = 'podbot_outbox';

function slackLogger(log: Logger) {
  const child = log.child({ component: 'slack-web-api' });
  return {
    debug: (...msg: unknown[]) => child.debug(msg.join(' ')),
    info: (...msg: unknown[]) => child.debug(msg.join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.join(' ')),
    error: (...msg: unknown[]) => child.error(msg.join(' ')),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}

/**
 * Client for calls made while handling a request (users.info, views.publish, reading history).
 * It retries a few times on its own; writes that must not be lost go through the outbox instead.
 */
export function createSlackClient(settings: SlackSettings, log: Logger): WebClient {
  return new WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl,
    logger: slackLogger(log),
    timeout: settings.timeoutMs ?? SLACK_TIMEOUT_MS,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
  });
}

/**
 * The outbox's Slack client: no retries of its own and rate limits surfaced as errors, so the outbox decides.
 * Concurrency 32: each send is a claim, a call and an update, and under a join spike every database round trip
 * waits behind the event inserts; with 8 in flight `bench/welcome-spike` delivered about 5 messages/s while
 * 1,000 events were arriving, with 32–40 it keeps pace with Slack's ~50/s. A 429 still pauses the whole target.
 */
export function createSlackSender(settings: SlackSettings, log: Logger, concurrency = 32): Sender {
  const client = new WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl,
    logger: slackLogger(log),
    // A timed-out call is in doubt (Slack may have posted it): the outbox looks it up before the next attempt.
    timeout: settings.timeoutMs ?? SLACK_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });

  return {
    concurrency,
    async send(job: ClaimedJob) {
      const args = { ...job.payload };
      if (job.method === 'chat.postMessage' && !args.metadata) {
        args.metadata = { event_type: OUTBOX_METADATA_EVENT, event_payload: { key: job.key } };
      }
      const result = await client.apiCall(job.method, args);
      return pickResult(result);
    },
    async findDelivered(job: ClaimedJob) {
      if (job.method !== 'chat.postMessage') return undefined;
      let channel = String(job.payload.channel ?? '');
      // A message "to a user id" lands in the DM channel; history needs that channel's id.
      if (/^[UW]/.test(channel)) {
        const opened = await client.conversations.open({ users: channel });
        channel = opened.channel?.id ?? channel;
      }
      const history = await client.conversations.history({ channel, limit: 100, include_all_metadata: true });
      const found = history.messages?.find(
        (message) =>
          message.metadata?.event_type === OUTBOX_METADATA_EVENT &&
          (message.metadata?.event_payload as { key?: string } | undefined)?.key === job.key,
      );
      return found ? { ok: true, channel, ts: found.ts, recovered: true } : undefined;
    },
    classify: classifySlackError,
  };
}

function pickResult(result: WebAPICallResult): Record<string, unknown> {
  const { ok, channel, ts, view, response_metadata: _meta, ...rest } = result as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ok };
  if (channel !== undefined) out.channel = channel;
  if (ts !== undefined) out.ts = ts;
  if (view && typeof view === 'object') out.view = { id: (view as { id?: string }).id };
  if ((rest as { channel_id?: string }).channel_id) out.channel = (rest as { channel_id?: string }).channel_id;
  return out;
}

const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function classifySlackError(error: unknown): SendFailure {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  const message = e?.message ?? String(error);
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000, message };
    case ErrorCode.HTTPError:
      return (e.statusCode ?? 500) >= 500 || e.statusCode === 408
        ? { kind: 'transient', message }
        : { kind: 'permanent', code: `http_${e.statusCode}`, message };
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      return TRANSIENT_PLATFORM_ERRORS.has(code) ? { kind: 'transient', message: code } : { kind: 'permanent', code, message: code };
    }
    case ErrorCode.RequestError:
      return { kind: 'transient', message };
    default:
      return { kind: 'transient', message };
  }
}
