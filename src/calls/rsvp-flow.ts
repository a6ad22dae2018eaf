import type { AppContext } from '../context';
import { RSVP_ACTION_IDS } from './core/messages/message-parts';
import { renderRsvpRefused } from './core/messages/render-command-replies';
import { findOccurrenceByKey } from './core/occurrences/find-occurrence-by-key';
import type { RsvpStatus } from './core/reminders/count-rsvps';
import { resolveSkips } from './core/skips/resolve-skips';
import type { ReminderRefresher } from './refresh-reminders';
import { loadSkipOverrides } from './store';
import type { SlackMessage } from './types';

const STATUS_BY_ACTION = new Map<string, RsvpStatus>(
  Object.entries(RSVP_ACTION_IDS).map(([status, actionId]) => [actionId, status as RsvpStatus]),
);

export type RsvpContext = Pick<AppContext, 'db' | 'clock' | 'config'>;

export interface RsvpClick {
  actionId: string;
  /** The button's value: the occurrence key. */
  occurrenceKey: string;
  userId: string;
  /** Unique per click: names the outbox job of a reminder edit Slack refused. */
  requestId: string;
}

/**
 * Stores an RSVP (one per person and occurrence; a new click replaces the old answer) and edits every
 * posted reminder of that occurrence with the new counts. Answers nothing when it worked (the
 * buttons show the counts); returns the refusal when the call is unknown, over or cancelled.
 */
export async function recordRsvp(ctx: RsvpContext, refresher: Pick<ReminderRefresher, 'refresh'>, click: RsvpClick): Promise<SlackMessage | undefined> {
  const status = STATUS_BY_ACTION.get(click.actionId);
  const found = findOccurrenceByKey(ctx.config.calls, click.occurrenceKey);
  if (!status || !found) return renderRsvpRefused('unknown');
  const { call, occurrence } = found;
  if (ctx.clock.now().getTime() >= occurrence.end.getTime()) return renderRsvpRefused('over', call);
  if (resolveSkips(call, await loadSkipOverrides(ctx.db)).has(occurrence.localDate)) return renderRsvpRefused('cancelled', call);
  const id = { callSlug: call.slug, occurrenceStart: occurrence.start, slackUserId: click.userId };
  await ctx.db.rsvp.upsert({ where: { callSlug_occurrenceStart_slackUserId: id }, create: { ...id, status }, update: { status } });
  await refresher.refresh(call, occurrence, click.requestId);
  return undefined;
}
