import type { Feature } from '../context';
import { extendPods } from '../pods';
import { runBusyCommand } from './busy-flow';
import { BUSY_USAGE } from './core/parse-busy';
import { registerReviewRequestTracking } from './github/track-review-requests';
import { planReviewerRouting } from './route-reviewers-flow';
import { previewDigest, runWeeklyDigest } from './digest-flow';
import { runMonthlyLadder } from './ladder-flow';
import { buildCareHome } from './home-flow';
import { registerLadderButtons } from './slack/ladder-buttons';

export const WEEKLY_DIGEST_TASK = 'care: weekly digest';
export const MONTHLY_LADDER_TASK = 'care: ladder suggestions';
const DIGEST_USAGE = '`/pod digest <name>` — preview a pod’s weekly digest (only you see it)';

/**
 * Care for contributors around the Pods: reviewer routing (a line in the pod mention, review requests through the
 * outbox), `/pod busy`, open review requests per person from GitHub's review events, and the weekly Pod digest
 * (`/pod digest <name>` previews it), the monthly contributor-ladder DMs with their buttons.
 */
export const registerCare: Feature = (ctx, surfaces) => {
  extendPods(ctx, {
    subcommands: [
      { name: 'busy', usage: BUSY_USAGE, run: (actor, args) => runBusyCommand(ctx, actor, args) },
      { name: 'digest', usage: DIGEST_USAGE, run: (_actor, args) => previewDigest(ctx, args) },
    ],
    planMentionAdditions: (target, pods) => planReviewerRouting(ctx, target, pods),
    homeSections: (_viewer, advocated) => buildCareHome(ctx, advocated),
  });
  if (surfaces.webhooks) registerReviewRequestTracking(surfaces.webhooks, ctx);
  if (surfaces.slack) registerLadderButtons(surfaces.slack, ctx);
  surfaces.schedule(MONTHLY_LADDER_TASK, '*/10 * * * *', () => runMonthlyLadder(ctx));
  // Every 10 minutes: a slot is found from the clock, so a late wake-up or a restart still sends within the day.
  surfaces.schedule(WEEKLY_DIGEST_TASK, '*/10 * * * *', () => runWeeklyDigest(ctx));
};
