import type { AppContext } from '../context';

/**
 * How long delivery ids are kept to drop repeats. Slack retries an event three times within about an hour, and
 * GitHub redelivers on request from its recent-deliveries list (kept for a few days); a week covers both. What a
 * repeat would trigger stays deduplicated after that by the outbox keys, which are never pruned.
 * https://api.slack.com/apis/events-api#retries
 */
export const DELIVERY_IDS_KEPT_DAYS = 7;

/** Deletes delivery ids (Slack event ids, GitHub delivery ids) older than the retention, so they do not pile up. */
export async function pruneDeliveryIds(ctx: Pick<AppContext, 'db' | 'clock' | 'log'>): Promise<{ slackEvents: number; githubDeliveries: number }> {
  const before = new Date(ctx.clock.now().getTime() - DELIVERY_IDS_KEPT_DAYS * 24 * 60 * 60 * 1000);
  const [slackEvents, githubDeliveries] = await Promise.all([
    ctx.db.slackEventReceipt.deleteMany({ where: { receivedAt: { lt: before } } }),
    ctx.db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: before } } }),
  ]);
  const pruned = { slackEvents: slackEvents.count, githubDeliveries: githubDeliveries.count };
  ctx.log.info(pruned, 'housekeeping: old delivery ids deleted');
  return pruned;
}
