import type { Feature } from '../context';
import { runFirstResponseTick } from './first-response-tick';
import { registerWatchItems } from './github/watch-items';
import { pickUpOpenItems } from './pick-up-open-items';

/**
 * Newcomers: the first-response watch. Opened issues and PRs of first-timers (or everyone) are watched; the ledger
 * records who responded; node-cron wakes the watch every five minutes, and what it sends is decided from the database
 * and the clock (see first-response-tick.ts). At start-up, items open from before are picked up.
 */
export const registerNewcomers: Feature = (ctx, surfaces) => {
  if (surfaces.webhooks) registerWatchItems(surfaces.webhooks, ctx);
  surfaces.schedule('first-response', '*/5 * * * *', async () => {
    await runFirstResponseTick(ctx);
  });
  // A repository whose search failed is searched again by the start-up task's retries (with backoff), alone: the
  // others are done and are not asked for twice.
  let remaining: string[] | undefined;
  surfaces.onStart('first-response-pick-up', async () => {
    const { failed } = await pickUpOpenItems(ctx, remaining);
    if (failed.length) {
      remaining = failed;
      throw new Error(`start-up search failed for ${failed.join(', ')}`);
    }
  });
};
