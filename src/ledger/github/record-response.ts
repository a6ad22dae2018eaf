import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { readResponse } from '../core/read-response';
import { recordResponse } from '../response-store';

/**
 * Comments, reviews and review comments on issues and pull requests: who responded, and when (ItemResponse). Time
 * to first response, reviews per person and the first-response watch read them. Edits and deletions are not
 * responses; a comment deleted later still counted as an answer when it was written.
 */
export function registerLedgerResponses(webhooks: Webhooks, ctx: Pick<AppContext, 'db' | 'log'>): void {
  webhooks.on('issue_comment.created', async ({ id, payload }) => {
    await record(ctx, id, readResponse('issue_comment', payload as unknown as Record<string, unknown>));
  });
  webhooks.on('pull_request_review.submitted', async ({ id, payload }) => {
    await record(ctx, id, readResponse('pull_request_review', payload as unknown as Record<string, unknown>));
  });
  webhooks.on('pull_request_review_comment.created', async ({ id, payload }) => {
    await record(ctx, id, readResponse('pull_request_review_comment', payload as unknown as Record<string, unknown>));
  });
}

async function record(ctx: Pick<AppContext, 'db' | 'log'>, delivery: string, response: ReturnType<typeof readResponse>): Promise<void> {
  if (!response) return;
  const written = await recordResponse(ctx.db, response);
  ctx.log.debug({ delivery, repo: response.repo, number: response.number, responder: response.responderLogin, kind: response.kind, written }, 'ledger: response');
}
