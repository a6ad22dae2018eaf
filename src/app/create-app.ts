import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhooks } from '@octokit/webhooks';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import { createGitHubClients, createGitHubSender, createTokenCache } from '../clients/github';
import { currentInstallation } from '../clients/github-installation-scope';
import { createSlackClient, createSlackSender } from '../clients/slack';
import type { CommunityConfig } from './community-config';
import type { Env } from '../config/env';
import type { Database } from '../db/open-database';
import { errorSummary } from '../errors';
import { registerInstallationEvents } from '../github/installation-events';
import { createRedeliverer } from '../github/redeliver-failed-deliveries';
import { createWebhookEndpoint } from '../github/webhook-endpoint';
import { registerCoreRoutes } from '../http/core-routes';
import { BodyBudget } from '../http/body-budget';
import { createRequestListener } from '../http/request-listener';
import { Router, sendJson } from '../http/router';
import { createMetrics } from '../metrics';
import { Outbox } from '../outbox/outbox';
import { countDeadLetters } from '../outbox/dead-letters';
import { registerOutboxRoutes } from './outbox-routes';
import { systemClock, type Clock, type Sender } from '../outbox/types';
import { createBoltApp } from '../slack/create-bolt-app';
import type { AppContext, Feature, Surfaces } from '../context';
import { WorkQueue, workQueueConcurrency } from '../slack/work-queue';
import { pruneDeliveryIds } from './housekeeping';

/**
 * The longest the outbox waits for a gap between commands before it claims and sends anyway (WorkQueue.quiet), so a
 * load that leaves no gap slows notifications down (about 32 Slack calls a second, the sender's concurrency per
 * round) instead of stopping them.
 */
const OUTBOX_YIELDS_TO_COMMANDS_MS = 1_000;

export interface AppDeps {
  env: Env;
  config: CommunityConfig;
  database: Database;
  log: Logger;
  features: Feature[];
  clock?: Clock;
  /** Tests shorten the outbox poll interval, lease and call timeouts, and change how long it yields to commands. */
  outbox?: { pollMs?: number; leaseMs?: number; slackConcurrency?: number; slackTimeoutMs?: number; githubTimeoutMs?: number; yieldToCommandsMs?: number };
  /** false: node-cron does not wake scheduled tasks (tests run them with runTask). */
  cron?: boolean;
  /**
   * 'front-door': Slack's requests reach this app through the front door, which answers them (acknowledging
   * commands itself) and reports how long each took (PodbotApp.recordSlackAcks); this app's own answer is not what
   * Slack waits for, so it is not timed.
   */
  slackAcks?: 'here' | 'front-door';
}

export interface PodbotApp {
  ctx: AppContext;
  server: Server;
  /** Starts listening (port 0 picks a free one; every interface unless `host`) and the background workers; resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  /** Runs a scheduled task now, as node-cron would. */
  runTask(name: string): Promise<void>;
  /** Stops accepting requests, drains in-flight work and the outbox. Does not close the database. */
  close(): Promise<void>;
  /** Records how long the front door took to answer Slack's requests, in seconds (see AppDeps.slackAcks). */
  recordSlackAcks(seconds: readonly number[]): void;
  /**
   * Takes a signed command or click the front door acknowledged to Slack (see SlackReceiver.takeAcknowledged), as
   * work that close() waits for, with a log line as a request gets. Without Slack configured it is logged and dropped.
   */
  takeSlackRequest(headers: IncomingHttpHeaders, raw: Buffer): void;
}

export function createApp(deps: AppDeps): PodbotApp {
  const { env, config, database, log } = deps;
  const clock = deps.clock ?? systemClock;
  const metrics = createMetrics({ deadLetters: () => countDeadLetters(database.prisma) });
  const router = new Router();
  const pending = new Set<Promise<unknown>>();
  /** Keeps `work` until it settles, so close() waits for it. */
  const track = (work: Promise<unknown>) => {
    const tracked = work.finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  const senders: Partial<Record<'slack' | 'github', Sender>> = {};
  const slackSettings = env.slack && { ...env.slack, timeoutMs: deps.outbox?.slackTimeoutMs };
  // One installation token cache for the reads clients and the outbox's sender, renewed by ctx.clock.
  const githubSettings = env.github && { ...env.github, timeoutMs: deps.outbox?.githubTimeoutMs, clock, tokens: createTokenCache(clock) };
  const github = githubSettings && createGitHubClients(githubSettings, log);
  const githubSender = githubSettings && createGitHubSender(githubSettings, log);
  if (slackSettings) senders.slack = createSlackSender(slackSettings, log, deps.outbox?.slackConcurrency);
  if (githubSender) senders.github = githubSender;
  const workQueue = new WorkQueue(workQueueConcurrency(database.kind));
  const outbox = new Outbox({
    db: database.prisma,
    log,
    metrics,
    clock,
    senders,
    pollMs: deps.outbox?.pollMs,
    leaseMs: deps.outbox?.leaseMs,
    giveUpMs: env.outboxGiveUpMs,
    installation: currentInstallation,
    foreground: () => workQueue.quiet(deps.outbox?.yieldToCommandsMs ?? OUTBOX_YIELDS_TO_COMMANDS_MS),
  });
  const admins = new Set(config.admins);

  const ctx: AppContext = {
    db: database.prisma,
    dbKind: database.kind,
    env,
    config,
    log,
    metrics,
    clock,
    outbox,
    slack: slackSettings ? createSlackClient(slackSettings, log) : undefined,
    github: github?.current,
    publicUrl: env.publicUrl,
    isAdmin: (id) => admins.has(id),
    workQueue,
    background(label, work) {
      track(
        Promise.resolve()
          .then(work)
          .catch((error) => log.error({ task: label, err: errorSummary(error) }, 'background work failed')),
      );
    },
  };

  const intakeBudget = new BodyBudget(env.intakeBufferBytes);
  const bolt = env.slack ? createBoltApp(ctx, env.slack, intakeBudget) : undefined;
  const webhooks = env.githubWebhookSecret ? new Webhooks({ secret: env.githubWebhookSecret }) : undefined;
  const tasks = new Map<string, { every: string; task: () => Promise<void> }>();
  const startTasks: { name: string; task: () => Promise<void> }[] = [];
  const surfaces: Surfaces = {
    slack: bolt?.app,
    webhooks,
    router,
    schedule: (name, every, task) => tasks.set(name, { every, task }),
    onStart: (name, task) => startTasks.push({ name, task }),
  };

  // Start-up tasks not yet done (and whether close() began), for /readyz.
  const startupPending = new Set<string>(['listen']);
  let closing = false;
  registerCoreRoutes(ctx, router, database, { pendingStartupTasks: () => [...startupPending], closing: () => closing });
  registerOutboxRoutes(ctx, router);
  if (bolt) {
    router.post('/slack/events', (route) => {
      // Slack's 3-second clock runs from its request to our answer: time exactly that, whatever the listener does after.
      if (deps.slackAcks !== 'front-door') {
        const done = ctx.metrics.slackAckSeconds.startTimer();
        route.res.once('finish', () => done());
      }
      return bolt.listener(route);
    });
  }
  else router.post('/slack/events', ({ res }) => sendJson(res, 404, { ok: false, error: 'Slack is not configured on this server' }));
  if (webhooks) {
    router.post('/github/webhooks', createWebhookEndpoint(ctx, webhooks, intakeBudget));
    // An uninstalled or suspended installation: drop its clients and token, and stop its waiting jobs.
    registerInstallationEvents(webhooks, {
      log,
      outbox,
      forgetInstallation: (installationId) => {
        github?.forget(installationId);
        githubSender?.forget(installationId);
      },
    });
  }
  else router.post('/github/webhooks', ({ res }) => sendJson(res, 404, { ok: false, error: 'GitHub webhooks are not configured on this server' }));
  for (const feature of deps.features) feature(ctx, surfaces);
  if (ctx.github && env.githubRedeliveryHooks.length) {
    // GitHub never retries a failed delivery; podbot asks for the ones that failed while it was unhealthy.
    const redeliver = createRedeliverer({ ...ctx, github: ctx.github }, env.githubRedeliveryHooks);
    surfaces.schedule('github-redelivery', '*/5 * * * *', async () => {
      await redeliver();
    });
  }
  surfaces.schedule('housekeeping', '41 3 * * *', async () => {
    await pruneDeliveryIds(ctx);
  });

  const server = createServer(
    createRequestListener({
      router,
      metrics,
      log,
      apiToken: env.apiToken,
      track,
    }),
  );
  // A request's body must arrive within a minute (Node's default is 5): a client trickling one in holds its share
  // of the intake budget meanwhile.
  server.requestTimeout = 60_000;

  async function retryUntilDone(name: string, task: () => Promise<void>): Promise<void> {
    for (let failures = 1; !closing; failures++) {
      await sleep(Math.min(1000 * 2 ** Math.min(failures, 6), 60_000), () => closing);
      if (closing) return;
      try {
        await task();
        startupPending.delete(name);
        log.info({ task: name, failures }, 'start-up task done after retrying');
        return;
      } catch (error) {
        log.warn({ task: name, failures, err: errorSummary(error) }, 'start-up task failed again; retrying');
      }
    }
  }

  const cronTasks: ScheduledTask[] = [];
  async function runTask(name: string): Promise<void> {
    const entry = tasks.get(name);
    if (!entry) throw new Error(`no scheduled task named ${name}`);
    await entry.task();
  }

  return {
    ctx,
    server,
    recordSlackAcks(seconds) {
      for (const value of seconds) ctx.metrics.slackAckSeconds.observe(value);
    },
    takeSlackRequest(headers, raw) {
      const started = performance.now();
      track((bolt ? bolt.takeAcknowledged(headers, raw) : Promise.resolve({ status: 404, fields: {} })).then(
        ({ status, fields }) => {
          const line = { requestId: headers['x-request-id'], route: '/slack/events', via: 'front door', status, ms: Math.round((performance.now() - started) * 10) / 10, ...fields };
          if (status === 200) log.info(line, 'slack request acknowledged by the front door');
          else log.warn(line, 'slack request acknowledged by the front door was not acted on');
        },
        (error: unknown) => log.error({ err: errorSummary(error), route: '/slack/events', via: 'front door' }, 'slack request acknowledged by the front door failed'),
      ));
    },
    runTask,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      outbox.start();
      for (const { name } of startTasks) startupPending.add(name);
      startupPending.delete('listen');
      for (const { name, task } of startTasks) {
        await task().then(() => startupPending.delete(name)).catch((error) => {
          // The database or a platform is down at start: keep serving and retry in the background until it works.
          log.error({ task: name, err: errorSummary(error) }, 'start-up task failed; retrying in the background');
          ctx.background(`start-up task ${name}`, () => retryUntilDone(name, task));
        });
      }
      if (deps.cron !== false) {
        for (const [name, { every }] of tasks) {
          cronTasks.push(
            cron.schedule(every, () => runTask(name).catch((error) => log.error({ task: name, err: errorSummary(error) }, 'scheduled task failed')), {
              name,
              noOverlap: true,
            }),
          );
        }
      }
      return (server.address() as AddressInfo).port;
    },
    async close() {
      closing = true;
      for (const task of cronTasks) await task.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      while (pending.size) await Promise.allSettled([...pending]);
      await outbox.stop();
    },
  };
}

/** Waits `ms`, or less once `stop()` turns true (checked every 100 ms), so shutdown is not held up. */
async function sleep(ms: number, stop: () => boolean): Promise<void> {
  const end = performance.now() + ms;
  while (!stop() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, Math.min(100, end - performance.now())));
}
