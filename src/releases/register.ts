import type { Feature } from '../context';
import { registerReleaseCreated } from './github/release-created';
import { registerReleasePublished } from './github/release-published';

/**
 * Wires release-note credit: the `release` webhook (published; created for drafts when `releases.onDraft`).
 * The CLI (`npm run release-notes`) runs the same pipeline without the server.
 */
export const registerReleases: Feature = (ctx, surfaces) => {
  if (!surfaces.webhooks) return;
  registerReleasePublished(surfaces.webhooks, ctx);
  registerReleaseCreated(surfaces.webhooks, ctx);
};
