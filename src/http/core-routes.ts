import type { AppContext } from '../context';
import type { Database } from '../db/open-database';
import { sendJson, sendText, type Router } from './router';

const HEALTH_TIMEOUT_MS = 2_000;

/** GET /healthz and GET /metrics. */
export function registerCoreRoutes(ctx: AppContext, router: Router, database: Database): void {
  router.get('/healthz', async ({ res }) => {
    const started = Date.now();
    let databaseStatus: { kind: string; ok: boolean; latencyMs?: number; error?: string };
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS).unref()),
      ]);
      databaseStatus = { kind: database.kind, ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      databaseStatus = { kind: database.kind, ok: false, error: (error as Error).message.split('\n')[0] };
    }
    const body = {
      status: databaseStatus.ok ? 'ok' : 'unavailable',
      database: databaseStatus,
      slack: ctx.env.slack ? 'on' : 'off',
      githubWebhooks: ctx.env.githubWebhookSecret ? 'on' : 'off',
      githubApi: ctx.env.github ? ctx.env.github.auth.kind : 'off',
    };
    sendJson(res, databaseStatus.ok ? 200 : 503, body);
  });

  router.get('/metrics', async ({ res }) => {
    // Unknown is not zero: with the database down, report NaN rather than an empty queue that hides the backlog.
    ctx.metrics.outboxPending.set(await ctx.db.outboxJob.count({ where: { status: { in: ['pending', 'sending'] } } }).catch(() => Number.NaN));
    sendText(res, 200, await ctx.metrics.registry.metrics(), ctx.metrics.registry.contentType);
  });
}
