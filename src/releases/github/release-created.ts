import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { releaseSettingsFor } from '../config';
import { creditRelease } from '../credit-flow';
import { parseReleaseEvent, type ReleaseEventPayload } from './parse-release-event';

/**
 * release.created for drafts, when `releases.onDraft` is set: write the credits into the draft so maintainers
 * see them while editing. No announcement: that waits for release.published. A release created already
 * published also sends release.published, which handles it.
 */
export function registerReleaseCreated(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('release.created', async ({ id, payload }) => {
    const event = payload as ReleaseEventPayload;
    if (!event.release?.draft) return;
    const release = parseReleaseEvent(event);
    if (!releaseSettingsFor(ctx.config.releases, `${release.owner}/${release.repo}`).onDraft) return;
    await creditRelease(ctx, release, { delivery: id, announce: false });
  });
}
