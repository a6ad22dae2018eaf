import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { renderJoinPodPicker } from '../../pods/core/join/render-join-pod-picker';
import { WELCOME_PICK_POD_ACTION } from '../core/action-ids';
import { loadPodViews } from '../../pods/store/load-pod-views';
import { respondWithRetry } from '../../slack/respond-with-retry';

/**
 * "Pick a Pod" in the welcome DM: the same picker `/join-pod` shows (its Join buttons are handled by the pods
 * feature), posted under the DM without replacing it.
 */
export function registerWelcomePickPodAction(app: App, ctx: AppContext): void {
  app.action<BlockButtonAction>(WELCOME_PICK_POD_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const pods = await loadPodViews(ctx.db, { liveOnly: true });
    const picker = renderJoinPodPicker(pods, { viewerSlackId: body.user.id, idealSize: ctx.config.podSettings.idealSize });
    await respondWithRetry(respond)({ response_type: 'ephemeral', replace_original: false, ...picker });
  });
}
