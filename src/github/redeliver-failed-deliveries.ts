import type { GitHubClient } from '../clients/github';
import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { deliveriesPath, hookLabel, type RedeliveryHook } from './redelivery-hooks';

/** GitHub redelivers deliveries up to 3 days old. https://docs.github.com/en/webhooks/testing-and-troubleshooting-webhooks/redelivering-webhooks */
const REDELIVERABLE_MS = 3 * 24 * 60 * 60 * 1000;
/** Overlap between passes, so a delivery that landed while the previous pass was paging is not missed. */
const OVERLAP_MS = 10 * 60 * 1000;
/** Asks per delivery: a delivery that keeps failing (a bug, not an outage) is left to a person after this many. */
const MAX_ASKS = 5;

interface Delivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  status_code: number;
  event: string;
  action?: string | null;
}

export interface RedeliveryPass {
  hook: string;
  scanned: number;
  asked: number;
  failures: number;
}

/**
 * GitHub does not retry a delivery that failed: it stays failed unless someone asks for it again. So podbot asks, for
 * each configured hook (the App's, a repository's, an organisation's):
 *
 * 1. list the hook's recent deliveries, newest first, back to the previous pass (at first, back 3 days, as far as
 *    GitHub redelivers);
 * 2. group them by GUID (a redelivery keeps the GUID of the original);
 * 3. skip a GUID that one of its attempts delivered (2xx) or that podbot recorded as processed, and a GUID podbot
 *    refused (4xx: asking again would be refused again);
 * 4. ask GitHub to redeliver the newest failed attempt (5xx, or no answer: status code 0), at most 5 times per GUID.
 *
 * A redelivery reaches POST /github/webhooks like any delivery; the endpoint's dedupe makes extra asks harmless.
 * https://docs.github.com/en/rest/webhooks/repo-deliveries  https://docs.github.com/en/rest/apps/webhooks
 */
export function createRedeliverer(ctx: Pick<AppContext, 'db' | 'log' | 'clock'> & { github: GitHubClient }, hooks: RedeliveryHook[]) {
  const scannedSince = new Map<string, number>();
  const asks = new Map<string, number>();

  async function pass(hook: RedeliveryHook): Promise<RedeliveryPass> {
    const label = hookLabel(hook);
    const started = ctx.clock.now().getTime();
    const since = Math.max(started - REDELIVERABLE_MS, (scannedSince.get(label) ?? 0) - OVERLAP_MS);
    const byGuid = new Map<string, Delivery[]>();
    let scanned = 0;
    const pages = ctx.github.paginate.iterator(`GET ${deliveriesPath(hook)}`, { per_page: 100 }) as AsyncIterable<{ data: Delivery[] }>;
    outer: for await (const { data } of pages) {
      for (const delivery of data) {
        if (Date.parse(delivery.delivered_at) < since) break outer;
        scanned += 1;
        byGuid.set(delivery.guid, [...(byGuid.get(delivery.guid) ?? []), delivery]);
      }
    }
    const candidates = [...byGuid.entries()].filter(([, attempts]) => attempts.every((attempt) => attempt.status_code === 0 || attempt.status_code >= 500));
    const processed = new Set(
      candidates.length
        ? (await ctx.db.webhookDelivery.findMany({ where: { id: { in: candidates.map(([guid]) => guid) } }, select: { id: true } })).map((row) => row.id)
        : [],
    );
    let asked = 0;
    let failures = 0;
    for (const [guid, attempts] of candidates) {
      if (processed.has(guid)) continue;
      const count = asks.get(guid) ?? 0;
      if (count >= MAX_ASKS) continue;
      const newest = attempts.reduce((a, b) => (Date.parse(b.delivered_at) > Date.parse(a.delivered_at) ? b : a));
      try {
        await ctx.github.request(`POST ${deliveriesPath(hook)}/{delivery_id}/attempts`, { delivery_id: newest.id });
        asks.set(guid, count + 1);
        asked += 1;
        ctx.log.info({ hook: label, guid, event: newest.event, action: newest.action, statusCode: newest.status_code, ask: count + 1 }, 'github: redelivery requested');
        if (count + 1 === MAX_ASKS) ctx.log.warn({ hook: label, guid }, `github: delivery failed ${MAX_ASKS} redeliveries; not asking again`);
      } catch (error) {
        failures += 1;
        ctx.log.warn({ hook: label, guid, err: errorSummary(error) }, 'github: redelivery request failed; will ask again next pass');
      }
    }
    // Only a pass that asked for everything it found moves the window on.
    if (failures === 0) scannedSince.set(label, started);
    return { hook: label, scanned, asked, failures };
  }

  return async function redeliverFailedDeliveries(): Promise<RedeliveryPass[]> {
    const results: RedeliveryPass[] = [];
    for (const hook of hooks) results.push(await pass(hook));
    return results;
  };
}
