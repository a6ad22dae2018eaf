import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import type { RsvpStatus } from '../core/reminders/count-rsvps';
import { findOccurrenceByKey } from '../core/occurrences/find-occurrence-by-key';
import { RSVP_ACTION_IDS } from '../core/messages/message-parts';
import { renderReply } from '../core/messages/render-reply';
import { resolveSkips } from '../core/skips/resolve-skips';
import type { ReminderRefresher } from '../refresh-reminders';
import { loadSkipOverrides } from '../store';
import { respondWithRetry } from '../../slack/respond-with-retry';

const STATUS_BY_ACTION = new Map<string, RsvpStatus>(
  Object.entries(RSVP_ACTION_IDS).map(([status, actionId]) => [actionId, status as RsvpStatus]),
);

/**
 * The Going / Maybe / Can't make it buttons on reminders. The click is acknowledged first (Slack's
 * 3-second rule, https://api.slack.com/interactivity/handling#acknowledgment_response), then the
 * answer is stored (one per person and occurrence; a new click replaces the old answer) and every
 * posted reminder of that occurrence is edited in place with the new counts.
 */
export function registerCallRsvpAction(app: App, ctx: AppContext, refresher: ReminderRefresher): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: /^call_rsvp_(going|maybe|no)$/ }, async ({ ack, body, action, respond }) => {
    await ack();
    const status = STATUS_BY_ACTION.get(action.action_id);
    const userId = body.user.id;
    const requestId = `${body.trigger_id ?? action.action_ts}`;
    ctx.background('calls: rsvp', async () => {
      const refuse = (text: string) => respondWithRetry(respond)({ response_type: 'ephemeral', replace_original: false, ...renderReply(text) });
      const found = findOccurrenceByKey(ctx.config.calls, action.value ?? '');
      if (!status || !found) return refuse('This call is no longer on the schedule, so I did not record your answer.');
      const { call, occurrence } = found;
      if (ctx.clock.now().getTime() >= occurrence.end.getTime()) return refuse(`This ${call.name} is already over, so answers are closed.`);
      if (resolveSkips(call, await loadSkipOverrides(ctx.db)).has(occurrence.localDate)) {
        return refuse(`This ${call.name} was cancelled, so answers are closed.`);
      }
      const id = { callSlug: call.slug, occurrenceStart: occurrence.start, slackUserId: userId };
      await ctx.db.rsvp.upsert({ where: { callSlug_occurrenceStart_slackUserId: id }, create: { ...id, status }, update: { status } });
      await refresher.refresh(call, occurrence, requestId);
    });
  });
}
