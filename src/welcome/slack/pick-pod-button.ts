import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { loadPodViews, renderJoinPodPicker } from '../../pods';
import { ackThenRespond } from '../../slack/reply';
import { WELCOME_PICK_POD_ACTION } from '../core/action-ids';

/**
 * "Pick a Pod" in the welcome DM: the same picker `/join-pod` shows (its Join buttons are handled by the pods
 * feature), posted under the DM without replacing it. Ack at once, answer through response_url (see ackThenRespond).
 */
export function registerWelcomePickPodAction(app: App, ctx: AppContext): void {
  app.action<BlockButtonAction>(WELCOME_PICK_POD_ACTION, async ({ ack, body }) => {
    // Every reply, the apology included, goes under the DM: replacing it would take its buttons away.
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: body.response_url, label: 'welcome: pick a pod', replaceOriginal: false }, async () => {
      const pods = await loadPodViews(ctx.db, { liveOnly: true });
      return renderJoinPodPicker(pods, { viewerSlackId: body.user.id, idealSize: ctx.config.podSettings.idealSize });
    });
  });
}
