import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { decodeSwitchValue, JOIN_POD_ACTION, JOIN_POD_SWITCH_ACTION, JOIN_POD_SWITCH_CANCEL_ACTION } from '../core/action-ids';
import { section } from '../../kit/slack/blocks';
import { renderSwitchCancelled } from '../core/command/render-pod-change-replies';
import { joinByName } from '../join-flow';
import { ackThenRespond } from '../../slack/reply';

/**
 * Buttons on pod messages: Join (picker, did-you-mean, full-pod alternative) and the switch
 * Confirm / Cancel pair. Block actions carry no reply in their ack, so: ack at once, then replace the
 * ephemeral message the button was on through its response_url.
 * https://api.slack.com/interactivity/handling#message_responses
 */
const OUT_OF_DATE = 'That button is out of date. Run `/join-pod` again.';

export function registerJoinPodActions(app: App, ctx: AppContext): void {
  const io = (ack: () => Promise<void>, body: BlockButtonAction, label: string) => ({ ack, responseUrl: body.response_url, label, replaceOriginal: true });

  app.action<BlockButtonAction>(JOIN_POD_ACTION, async ({ ack, body, action }) => {
    await ackThenRespond(ctx, io(ack, body, 'pods: join button'), () => joinByName(ctx, { slackId: body.user.id, name: action.value ?? '' }));
  });

  app.action<BlockButtonAction>(JOIN_POD_SWITCH_ACTION, async ({ ack, body, action }) => {
    await ackThenRespond(ctx, io(ack, body, 'pods: switch button'), async () => {
      const target = decodeSwitchValue(action.value ?? '');
      if (!target) return { text: OUT_OF_DATE, blocks: [section(OUT_OF_DATE)] };
      return joinByName(ctx, { slackId: body.user.id, name: target.to, leaveFrom: target.from });
    });
  });

  app.action<BlockButtonAction>(JOIN_POD_SWITCH_CANCEL_ACTION, async ({ ack, body, action }) => {
    await ackThenRespond(ctx, io(ack, body, 'pods: cancel switch button'), async () => renderSwitchCancelled(action.value ?? 'your pod'));
  });
}
