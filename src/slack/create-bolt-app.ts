import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { createEventReceiptRecorder } from './event-receipts';

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(' ')),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    // Bolt asks for its level to decide what to log at all: follow LOG_LEVEL (pino's level) instead of a fixed INFO.
    setLevel: () => {},
    getLevel: () => boltLevelOf(child.level),
    setName: () => {},
  };
}

/** pino's level as Bolt's: trace and debug are Bolt's DEBUG; fatal and silent are Bolt's ERROR. */
export function boltLevelOf(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

/**
 * Bolt on our own HTTP server: Bolt's HTTPReceiver checks the v0 signature and the 5-minute timestamp window
 * (401 otherwise) and answers on ack(); we hand it the requests for POST /slack/events.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
export function createBoltApp(ctx: AppContext, settings: { signingSecret: string; botToken: string; apiUrl: string }): {
  app: App;
  listener: RequestListener;
} {
  const logger = boltLogger(ctx.log);
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret,
    endpoints: '/slack/events',
    logger,
    // Listeners ack() first and defer slow work, so the response never waits for it.
    processBeforeResponse: false,
    // Slack gives 3 s; if a listener forgot to ack, answer before Slack gives up rather than hang.
    unhandledRequestTimeoutMillis: 2_500,
  });
  // One workspace, one bot token. Bolt's own single-token authorization calls auth.test on every request when
  // verification is deferred; ask once, keep the answer, and ask again only after a failure.
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  const authorize = async () => {
    identity ??= app.client.auth
      .test({ token: settings.botToken })
      .then((result) => ({ botUserId: result.user_id, botId: result.bot_id }))
      .catch((error) => {
        identity = undefined;
        throw error;
      });
    return { botToken: settings.botToken, ...(await identity) };
  };
  const app: App = new App({
    receiver,
    authorize,
    logger,
    clientOptions: { slackApiUrl: settings.apiUrl, retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 } },
  });

  // Slack retries an event it thinks failed (x-slack-retry-num) and can deliver one event twice: the first
  // delivery of each event_id is recorded, later ones are acknowledged and dropped.
  // https://api.slack.com/apis/events-api#retries
  const recordReceipt = createEventReceiptRecorder(ctx.db);
  app.use(async ({ body, next, context }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId) {
      const type = (body as { event?: { type?: string } }).event?.type ?? 'unknown';
      if (!(await recordReceipt(eventId, type))) {
        ctx.log.info({ eventId, type, retryNum: context.retryNum }, 'slack: duplicate event ignored');
        return;
      }
    }
    await next();
  });

  app.error(async (error) => {
    ctx.log.error({ err: errorSummary(error) }, 'slack: listener failed');
  });

  return { app, listener: receiver.requestListener };
}
