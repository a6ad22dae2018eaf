import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { ackThenRespond } from '../../slack/reply';
import { LADDER_DISMISS, LADDER_SNOOZE } from '../core/ladder';
import { recordLadderChoice } from '../ladder-flow';

/** Dismiss and Remind me in a month on the ladder DM: ack first, then remember the choice and answer ephemerally. */
export function registerLadderButtons(app: App, ctx: AppContext): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^(${LADDER_DISMISS}|${LADDER_SNOOZE})$`) }, async ({ ack, body, action }) => {
    const choice = action.action_id === LADDER_DISMISS ? 'dismissed' : 'snoozed';
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: body.response_url, label: 'care: ladder button', replaceOriginal: false }, () =>
      recordLadderChoice(ctx, { id: action.value ?? '', choice, by: body.user.id }),
    );
  });
}
