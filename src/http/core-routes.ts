import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AppContext } from '../context';
import type { Database } from '../db/open-database';
import { pendingMigrations } from '../db/migrate';
import { sendJson, sendText, type Router } from './router';

const HEALTH_TIMEOUT_MS = 2_000;
/** An event loop stalled this long (the worst delay of the last sampling window) is not alive. */
const LIVENESS_MAX_LOOP_DELAY_MS = 10_000;

/** What the app knows about its own start-up and shutdown, for /readyz. */
export interface Readiness {
  /** Start-up tasks (e.g. applying podbot.yml's pods) that have not finished yet. */
  pendingStartupTasks(): string[];
  /** True from close() on: a load balancer should stop sending requests. */
  closing(): boolean;
}

/**
 * Probes and metrics:
 * - GET /livez: the process answers and its event loop is not stalled. Restart the process when it fails.
 * - GET /readyz: the database answers, every migration is applied and the start-up tasks are done. Send traffic
 *   only while it answers 200. GET /healthz is the same check under its older name.
 * - GET /metrics: Prometheus, unless METRICS_PORT moves it to a port of its own (src/http/metrics-server.ts).
 */
export function registerCoreRoutes(ctx: AppContext, router: Router, database: Database, readiness: Readiness): void {
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  let windowMaxMs = 0;
  // Sample window: the worst delay since the previous probe or the last 10 s, whichever is shorter.
  setInterval(() => {
    windowMaxMs = loopDelay.max / 1e6;
    loopDelay.reset();
  }, 10_000).unref();

  router.get('/livez', ({ res }) => {
    const maxDelayMs = Math.max(windowMaxMs, loopDelay.max / 1e6);
    const alive = maxDelayMs < LIVENESS_MAX_LOOP_DELAY_MS;
    sendJson(res, alive ? 200 : 503, {
      status: alive ? 'ok' : 'event loop stalled',
      uptimeSeconds: Math.round(process.uptime()),
      eventLoop: { maxDelayMs: Math.round(maxDelayMs), p99DelayMs: Math.round(loopDelay.percentile(99) / 1e6) },
    });
  });

  let migrationsApplied = false;
  const ready = async ({ res }: { res: Parameters<typeof sendJson>[0] }) => {
    const started = performance.now();
    let databaseStatus: { kind: string; ok: boolean; latencyMs?: number; error?: string };
    try {
      await withTimeout(database.ping());
      databaseStatus = { kind: database.kind, ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      databaseStatus = { kind: database.kind, ok: false, error: (error as Error).message.split('\n')[0] };
    }
    let pending: string[] | undefined;
    if (databaseStatus.ok && !migrationsApplied) {
      // Once applied, migrations stay applied for this process; only a replica that started first can add more.
      pending = await withTimeout(pendingMigrations(ctx.db)).catch(() => undefined);
      migrationsApplied = pending?.length === 0;
    }
    const startupTasks = readiness.pendingStartupTasks();
    const closing = readiness.closing();
    const ok = databaseStatus.ok && migrationsApplied && startupTasks.length === 0 && !closing;
    sendJson(res, ok ? 200 : 503, {
      status: ok ? 'ok' : closing ? 'shutting down' : 'unavailable',
      database: databaseStatus,
      migrations: migrationsApplied ? 'applied' : pending ? { pending } : 'unknown',
      startupTasks: startupTasks.length ? { pending: startupTasks } : 'done',
      slack: ctx.env.slack ? 'on' : 'off',
      githubWebhooks: ctx.env.githubWebhookSecret ? 'on' : 'off',
      githubApi: ctx.env.github ? ctx.env.github.auth.kind : 'off',
    });
  };
  router.get('/readyz', ready);
  router.get('/healthz', ready);

  if (ctx.env.metricsPort === undefined) {
    router.get('/metrics', async ({ res }) => {
      const { text, contentType } = await renderMetrics(ctx);
      sendText(res, 200, text, contentType);
    });
  }
}

/** The Prometheus text, with the outbox backlog counted at scrape time. */
export async function renderMetrics(ctx: Pick<AppContext, 'db' | 'metrics'>): Promise<{ text: string; contentType: string }> {
  // Unknown is not zero: with the database down, report NaN rather than an empty queue that hides the backlog.
  ctx.metrics.outboxPending.set(await ctx.db.outboxJob.count({ where: { status: { in: ['pending', 'sending'] } } }).catch(() => Number.NaN));
  return { text: await ctx.metrics.registry.metrics(), contentType: ctx.metrics.registry.contentType };
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
