import type { AppContext } from '../context';
import { sendJson, type Router } from '../http/router';
import { listDeadLetters, retryDeadLetter } from '../outbox/dead-letters';

/**
 * GET /api/outbox lists dead letters (jobs the outbox gave up on) with their reason; POST /api/outbox/:id/retry puts
 * one back in the queue. Both behind the /api bearer token.
 */
export function registerOutboxRoutes(ctx: Pick<AppContext, 'db' | 'clock' | 'log' | 'outbox'>, router: Router): void {
  router.get('/api/outbox', async ({ res, url }) => {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return sendJson(res, 400, { ok: false, error: 'limit must be a whole number from 1 to 500' });
    sendJson(res, 200, { ok: true, deadLetters: await listDeadLetters(ctx.db, { limit }) });
  });
  router.post('/api/outbox/:id/retry', async ({ res, params }) => {
    const id = Number(params.id);
    if (!/^\d+$/.test(params.id) || !Number.isSafeInteger(id) || id > 2 ** 31 - 1) return sendJson(res, 400, { ok: false, error: 'expected a numeric job id, e.g. POST /api/outbox/42/retry' });
    if (!(await retryDeadLetter(ctx.db, ctx.clock, id))) return sendJson(res, 404, { ok: false, error: `no dead-lettered job ${id} (see GET /api/outbox)` });
    ctx.log.info({ id }, 'outbox: dead letter retried through the API');
    ctx.outbox.kick();
    sendJson(res, 200, { ok: true, id, status: 'pending' });
  });
}
