import { InvalidPayloadError } from '../../errors';

/** A response on an issue or PR, as the ledger stores it (ItemResponse). */
export interface SeenResponse {
  /** `owner/name`. */
  repo: string;
  number: number;
  /** Who opened the issue or PR: their own comments are not responses. */
  itemAuthorLogin: string;
  responderLogin: string;
  /** comment (issue or PR conversation, or a line comment on a PR's diff) | review (a submitted review) */
  kind: 'comment' | 'review';
  respondedAt: Date;
  /** GitHub's id of the comment or review, prefixed by what it is (the two id spaces are distinct). */
  githubId: string;
}

export type ResponseEvent = 'issue_comment' | 'pull_request_review' | 'pull_request_review_comment';

interface Person {
  login?: unknown;
}

/**
 * Reads a response out of an `issue_comment.created`, `pull_request_review.submitted` or
 * `pull_request_review_comment.created` payload, or throws InvalidPayloadError (the endpoint answers 400).
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#issue_comment
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request_review
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request_review_comment
 *
 * A review comment counts as a comment, not a review: GitHub also sends `pull_request_review.submitted` for the
 * review that holds it, and counting both would count one review twice in "reviews per person".
 * Returns undefined when the responder's account was deleted (GitHub shows "ghost"; there is nobody to credit).
 */
export function readResponse(event: ResponseEvent, payload: Record<string, unknown>): SeenResponse | undefined {
  const itemField = event === 'issue_comment' ? 'issue' : 'pull_request';
  const responseField = event === 'pull_request_review' ? 'review' : 'comment';
  const item = payload[itemField] as { number?: unknown; user?: Person | null } | undefined;
  const response = payload[responseField] as { id?: unknown; user?: Person | null; created_at?: unknown; submitted_at?: unknown } | undefined;
  if (!item || typeof item !== 'object') throw new InvalidPayloadError(`${event} payload has no "${itemField}" object`);
  if (!response || typeof response !== 'object') throw new InvalidPayloadError(`${event} payload has no "${responseField}" object`);
  const repo = (payload.repository as { full_name?: unknown } | undefined)?.full_name;
  if (typeof repo !== 'string' || !repo.includes('/')) throw new InvalidPayloadError(`${event} payload has no repository.full_name`);
  if (typeof item.number !== 'number' || !Number.isInteger(item.number)) throw new InvalidPayloadError(`${event} payload: ${itemField}.number must be an integer`);
  const author = item.user?.login;
  if (typeof author !== 'string' || author === '') throw new InvalidPayloadError(`${event} payload: ${itemField}.user.login is missing`);
  if (typeof response.id !== 'number' && typeof response.id !== 'string') throw new InvalidPayloadError(`${event} payload: ${responseField}.id is missing`);
  const when = event === 'pull_request_review' ? response.submitted_at : response.created_at;
  const respondedAt = typeof when === 'string' ? new Date(when) : undefined;
  if (!respondedAt || Number.isNaN(respondedAt.getTime())) {
    throw new InvalidPayloadError(`${event} payload: ${responseField}.${event === 'pull_request_review' ? 'submitted_at' : 'created_at'} is not a date`);
  }
  const responder = response.user?.login;
  if (typeof responder !== 'string' || responder === '') return undefined;
  const prefix = event === 'issue_comment' ? 'comment' : event === 'pull_request_review' ? 'review' : 'review-comment';
  return {
    repo,
    number: item.number,
    itemAuthorLogin: author,
    responderLogin: responder,
    kind: event === 'pull_request_review' ? 'review' : 'comment',
    respondedAt,
    githubId: `${prefix}:${response.id}`,
  };
}
