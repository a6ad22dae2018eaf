import type { Feature } from '../context';
import { extendPods } from '../pods';
import { runBusyCommand } from './busy-flow';
import { BUSY_USAGE } from './core/parse-busy';
import { registerReviewRequestTracking } from './github/track-review-requests';
import { planReviewerRouting } from './route-reviewers-flow';

/**
 * Care for contributors around the Pods: reviewer routing (a line in the pod mention, review requests through the
 * outbox), `/pod busy`, and open review requests per person from GitHub's review events.
 */
export const registerCare: Feature = (ctx, surfaces) => {
  extendPods(ctx, {
    subcommands: [{ name: 'busy', usage: BUSY_USAGE, run: (actor, args) => runBusyCommand(ctx, actor, args) }],
    planMentionAdditions: (target, pods) => planReviewerRouting(ctx, target, pods),
  });
  if (surfaces.webhooks) registerReviewRequestTracking(surfaces.webhooks, ctx);
};
