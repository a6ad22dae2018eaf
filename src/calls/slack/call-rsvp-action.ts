import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import type { ReminderRefresher } from '../refresh-reminders';
import { recordRsvp } from '../rsvp-flow';
import { ackThenRespond } from '../../slack/reply';

/**
 * The Going / Maybe / Can't make it buttons on reminders. The click is acknowledged first (Slack's
 * 3-second rule, https://api.slack.com/interactivity/handling#acknowledgment_response), then the flow
 * stores the answer and edits the reminders. Only a refusal is answered, as a new ephemeral message:
 * replacing the original would take the reminder and its buttons away.
 */
export function registerCallRsvpAction(app: App, ctx: AppContext, refresher: ReminderRefresher): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: /^call_rsvp_(going|maybe|no)$/ }, async ({ ack, body, action }) => {
    const click = {
      actionId: action.action_id,
      occurrenceKey: action.value ?? '',
      userId: body.user.id,
      requestId: `${body.trigger_id ?? action.action_ts}`,
    };
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: body.response_url, label: 'calls: rsvp', replaceOriginal: false }, () =>
      recordRsvp(ctx, refresher, click),
    );
  });
}
