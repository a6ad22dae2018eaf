import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { InvalidPayloadError } from '../../github/webhook-endpoint';
import { closeReviewRequests, recordReviewRequests, reopenReviewRequest } from '../store/review-requests';

interface Payload {
  repository?: { full_name?: string };
  pull_request?: { number?: number };
  requested_reviewer?: { login?: string } | null;
  review?: { user?: { login?: string } | null };
}

function readPr(payload: Payload, event: string): { repo: string; number: number } {
  const repo = payload.repository?.full_name;
  const number = payload.pull_request?.number;
  if (!repo || typeof number !== 'number') throw new InvalidPayloadError(`${event} payload needs repository.full_name and pull_request.number`);
  return { repo, number };
}

/**
 * Keeps open review requests per person current, the load reviewer routing spreads: a request (by anyone) opens one;
 * a submitted review, a removed request or a closed PR ends it. Team requests carry no person and are not counted.
 * Redeliveries are no-ops: a request is one row per PR and reviewer.
 */
export function registerReviewRequestTracking(webhooks: Webhooks, ctx: Pick<AppContext, 'db' | 'clock'>): void {
  webhooks.on('pull_request.review_requested', async ({ payload }) => {
    const pr = readPr(payload as Payload, 'pull_request.review_requested');
    const login = (payload as Payload).requested_reviewer?.login;
    if (!login) return;
    const now = ctx.clock.now();
    await recordReviewRequests(ctx.db, [{ ...pr, login, podName: null, requestedAt: now }]);
    await reopenReviewRequest(ctx.db, { ...pr, login, at: now });
  });
  webhooks.on('pull_request.review_request_removed', async ({ payload }) => {
    const login = (payload as Payload).requested_reviewer?.login;
    if (login) await closeReviewRequests(ctx.db, { ...readPr(payload as Payload, 'pull_request.review_request_removed'), login, at: ctx.clock.now() });
  });
  webhooks.on('pull_request.closed', async ({ payload }) => {
    await closeReviewRequests(ctx.db, { ...readPr(payload as Payload, 'pull_request.closed'), at: ctx.clock.now() });
  });
  webhooks.on('pull_request_review.submitted', async ({ payload }) => {
    const login = (payload as Payload).review?.user?.login;
    if (login) await closeReviewRequests(ctx.db, { ...readPr(payload as Payload, 'pull_request_review.submitted'), login, at: ctx.clock.now() });
  });
}
