// release.published: credit everyone in the release body and announce it (credit-flow.ts).
//
// Runs inline, before the webhook is answered, and not in ctx.background. Why:
// - The durable record of "this release still needs credits" is the delivery itself: the endpoint records a
//   delivery only after its handlers succeed, so a crash, a GitHub 5xx that outlasts Octokit's retries or a
//   gather error answers 500 (or nothing), and the delivery can be redelivered from GitHub (or the CLI re-run).
//   Background work would be acknowledged first and lost on a crash, with no table to resume it from.
// - It is fast enough: a 1,000-PR release costs 22 GitHub requests in all (docs/releases.md), so a typical
//   release answers in 1–3 s. GitHub gives 10 s
//   (https://docs.github.com/en/webhooks/using-webhooks/handling-webhook-deliveries#respond-within-10-seconds).
//   If a giant release takes longer, GitHub marks that delivery as timed out, but the work here still finishes
//   and is recorded, and a redelivery is then a no-op. The flow logs the duration so this can be watched.
import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { creditRelease } from '../credit-flow';
import { parseReleaseEvent, type ReleaseEventPayload } from './parse-release-event';

export function registerReleasePublished(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('release.published', async ({ id, payload }) => {
    await creditRelease(ctx, parseReleaseEvent(payload as ReleaseEventPayload), { delivery: id, announce: true });
  });
}
