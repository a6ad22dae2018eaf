import { emitterEventNames, type Webhooks } from '@octokit/webhooks';
import { installationOf, withInstallation } from '../clients/github-installation-scope';
import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { readBodyWithin, type BodyBudget } from '../http/body-budget';
import { sendJson, type RouteHandler } from '../http/router';
import { parseJsonWithoutNul } from '../kit/text/strip-nul';
import { checkPayload } from './check-payload';

const KNOWN_EVENTS = new Set(emitterEventNames.map((name) => name.split('.')[0]));
/** GitHub caps webhook payloads at 25 MB. https://docs.github.com/en/webhooks/webhook-events-and-payloads#payload-cap */
const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;
const SIGNATURE_FORMAT = /^sha256=[0-9a-f]{64}$/i;

/**
 * POST /github/webhooks.
 *
 * 1. Reject requests without the signature, event or delivery header (401/400) before reading the body; read at most
 *    25 MB (GitHub's cap on payloads), within the intake budget shared by all requests (503 when it is spent).
 * 2. Reject wrongly signed requests (401), malformed JSON, unknown event names and payloads that lack what the
 *    handlers rely on (400) with the reason, before any handler runs. U+0000, which PostgreSQL cannot store, is
 *    dropped from every string.
 * 3. A delivery id seen before is a no-op (200, "duplicate"): GitHub redeliveries change nothing.
 * 4. Run the handlers; record the delivery only once they succeeded, so a failed delivery can be redelivered.
 *    Handlers are themselves idempotent (unique keys on mentions, welcomes and outbox jobs). A GitHub App delivery
 *    runs in its installation's scope: its reads and the writes it enqueues use that installation's token.
 * GitHub waits 10 s for an answer; handlers only read what they need and enqueue writes to the outbox.
 * https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks
 */
export function createWebhookEndpoint(ctx: AppContext, webhooks: Webhooks, budget?: BodyBudget): RouteHandler {
  return async ({ req, res }) => {
    const event = header(req.headers['x-github-event']);
    const delivery = header(req.headers['x-github-delivery']);
    const signature = header(req.headers['x-hub-signature-256']);
    if (!signature || !SIGNATURE_FORMAT.test(signature)) return reject(401, 'missing or malformed X-Hub-Signature-256 header');
    if (!event || !delivery) return reject(400, 'missing X-GitHub-Event or X-GitHub-Delivery header');
    if (!KNOWN_EVENTS.has(event)) return reject(400, `unknown event "${event}"`);
    const body = (await readBodyWithin(req, MAX_PAYLOAD_BYTES, { budget, res })).toString('utf8');
    if (!(await webhooks.verify(body, signature).catch(() => false))) return reject(401, 'signature does not match the payload and webhook secret');
    let payload: { action?: string } & Record<string, unknown>;
    try {
      payload = parseJsonWithoutNul(body) as typeof payload;
    } catch {
      return reject(400, 'body is not valid JSON');
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return reject(400, 'payload must be a JSON object');
    if (event === 'ping') return sendJson(res, 200, { ok: true, pong: true });
    const invalid = checkPayload(event, payload);
    if (invalid) return reject(400, invalid);

    const seen = await ctx.db.webhookDelivery.findUnique({ where: { id: delivery } });
    if (seen) {
      ctx.metrics.webhookDeliveries.inc({ event, outcome: 'duplicate' });
      ctx.log.info({ event, delivery }, 'github: duplicate delivery ignored');
      return sendJson(res, 200, { ok: true, duplicate: true });
    }
    try {
      await withInstallation(installationOf(payload), () => webhooks.receive({ id: delivery, name: event as never, payload: payload as never }));
    } catch (error) {
      const failures = ((error as { errors?: unknown[] }).errors ?? [error]) as unknown[];
      const invalid = failures.find((f) => (f as { code?: string }).code === 'INVALID_PAYLOAD') as Error | undefined;
      if (invalid) return reject(400, invalid.message);
      ctx.metrics.webhookDeliveries.inc({ event, outcome: 'failed' });
      ctx.log.error({ event, action: payload.action, delivery, errors: failures.map(errorSummary) }, 'github: webhook handler failed');
      return sendJson(res, 500, { ok: false, error: 'handler failed; the delivery can be redelivered' });
    }
    await ctx.db.webhookDelivery.createMany({ data: [{ id: delivery, event, action: payload.action ?? null }], skipDuplicates: true });
    ctx.metrics.webhookDeliveries.inc({ event, outcome: 'processed' });
    sendJson(res, 202, { ok: true });

    function reject(status: number, reason: string) {
      ctx.metrics.webhookDeliveries.inc({ event: KNOWN_EVENTS.has(event ?? '') ? event! : 'unknown', outcome: 'rejected' });
      ctx.log.warn({ event: event?.slice(0, 100), delivery: delivery?.slice(0, 100), status, reason }, 'github: webhook rejected');
      // Often refused before the body was read: close the connection rather than receive the rest of it.
      res.setHeader('connection', 'close');
      sendJson(res, status, { ok: false, error: reason });
    }
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Defined in the base layer so capability cores can throw it without importing this adapter; re-exported for
// the handlers that already import it from here.
export { InvalidPayloadError } from '../errors';
