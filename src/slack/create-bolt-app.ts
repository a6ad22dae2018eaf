import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import type { BodyBudget } from '../http/body-budget';
import type { RouteHandler } from '../http/router';
import { createEventReceiptRecorder } from './event-receipts';
import { replyOn } from './reply';
import { RequestNotTaken, SlackReceiver } from './slack-receiver';

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
 * Bolt on our own HTTP server, behind our own receiver (see SlackReceiver): it verifies the signature, authorizes,
 * records the request durably and only then hands it to Bolt, so nothing is acknowledged and then lost.
 */
export function createBoltApp(
  ctx: AppContext,
  settings: { signingSecret: string; botToken: string; apiUrl: string },
  budget?: BodyBudget,
): {
  app: App;
  listener: RouteHandler;
  /** A command or click the front door acknowledged and handed over (see SlackReceiver.takeAcknowledged). */
  takeAcknowledged: SlackReceiver['takeAcknowledged'];
} {
  const logger = boltLogger(ctx.log);
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
  // Slack retries an event it thinks failed (x-slack-retry-num) and can deliver one event twice: the first
  // delivery of each event_id is recorded, later ones are acknowledged and dropped.
  // https://api.slack.com/apis/events-api#retries
  const recordReceipt = createEventReceiptRecorder(ctx.db);
  const receiver = new SlackReceiver({
    signingSecret: settings.signingSecret,
    log: ctx.log,
    budget,
    authorize,
    recordReceipt,
    forgetReceipt: async (key) => {
      await ctx.db.slackEventReceipt.deleteMany({ where: { eventId: key } });
    },
    tellPerson: (responseUrl, text) => replyOn(responseUrl)({ response_type: 'ephemeral', text }),
  });
  const app: App = new App({
    receiver,
    authorize,
    logger,
    // Bolt's conversation store (context.updateConversation) is not used: without it, no store lookup runs for
    // every request (about 6 % of the app thread's busy time in a burst of /join-pod, where every lookup missed).
    convoStore: false,
    clientOptions: { slackApiUrl: settings.apiUrl, retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 } },
  });

  // Logged here, then passed on: the receiver answers an event whose listener failed with 500 (Slack retries it).
  app.error(async (error) => {
    // A replayed or unrecorded command: the receiver logged it once already.
    if (error instanceof RequestNotTaken) throw error;
    ctx.log.error({ err: errorSummary(error) }, 'slack: listener failed');
    throw error;
  });

  return { app, listener: receiver.handle, takeAcknowledged: (headers, raw) => receiver.takeAcknowledged(headers, raw) };
}
