import { InvalidPayloadError } from '../../github/webhook-endpoint';
import type { ReleaseToCredit } from '../credit-flow';

/** The fields of GitHub's `release` webhook payload this feature reads. */
export interface ReleaseEventPayload {
  action?: string;
  release?: {
    id?: number;
    tag_name?: string;
    name?: string | null;
    html_url?: string;
    draft?: boolean;
    target_commitish?: string;
  };
  repository?: { name?: string; owner?: { login?: string } };
}

/** The release a `release` event is about; a payload without what crediting needs is refused (the endpoint answers 400). */
export function parseReleaseEvent(payload: ReleaseEventPayload): ReleaseToCredit {
  const release = payload.release;
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  if (!release || typeof release.id !== 'number' || !release.tag_name || !owner || !repo) {
    throw new InvalidPayloadError('release event without release.id, release.tag_name or repository owner and name');
  }
  return {
    owner,
    repo,
    id: release.id,
    tag: release.tag_name,
    name: release.name || release.tag_name,
    url: release.html_url ?? '',
    draft: release.draft === true,
    targetCommitish: release.target_commitish || undefined,
  };
}
