import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { buildReminderMessage, outboxKeyForClaim } from './messages';
import { loadSkipOverrides } from './store';
import type { CallConfig, Occurrence } from './types';

export interface PostedReminder {
  claimKey: string;
  channel: string;
  ts: string;
}

/**
 * The reminders of an occurrence that have reached Slack, with their channel and ts. The outbox
 * stores the chat.postMessage answer on its job; the first time a reminder is looked up, that
 * answer is copied onto the ReminderClaim so later lookups read one table.
 */
export async function findPostedReminders(
  ctx: AppContext,
  occurrence: Pick<Occurrence, 'callSlug' | 'start'>,
): Promise<PostedReminder[]> {
  const claims = await ctx.db.reminderClaim.findMany({
    where: { callSlug: occurrence.callSlug, occurrenceStart: occurrence.start, status: 'sent', kind: { startsWith: 'reminder:' } },
    orderBy: [{ claimedAt: 'asc' }, { key: 'asc' }],
  });
  const posted: PostedReminder[] = [];
  for (const claim of claims) {
    if (claim.channel && claim.messageTs) {
      posted.push({ claimKey: claim.key, channel: claim.channel, ts: claim.messageTs });
      continue;
    }
    const result = (await ctx.outbox.resultOf(outboxKeyForClaim(claim.key))) as { channel?: unknown; ts?: unknown } | undefined;
    if (typeof result?.channel !== 'string' || typeof result?.ts !== 'string') continue;
    await ctx.db.reminderClaim.update({ where: { key: claim.key }, data: { channel: result.channel, messageTs: result.ts } });
    posted.push({ claimKey: claim.key, channel: result.channel, ts: result.ts });
  }
  return posted;
}

/**
 * Re-renders the posted reminders of an occurrence (new RSVP counts or agenda) and edits them in
 * place with chat.update (https://api.slack.com/methods/chat.update).
 *
 * chat.update is called directly rather than through the outbox: an edit is only worth making with
 * the latest counts, and the outbox would send a payload rendered at enqueue time, possibly after a
 * newer one. Refreshes of one occurrence run one after another in this process and each re-reads
 * the database, so the last edit always carries the latest counts. If Slack refuses after the
 * client's own retries, the edit goes to the outbox (key with the request id, so it is not
 * deduplicated against earlier edits) and is retried there.
 */
export function createReminderRefresher(ctx: AppContext) {
  const queues = new Map<string, Promise<void>>();

  async function refreshNow(call: CallConfig, occurrence: Occurrence, requestId: string): Promise<void> {
    const posted = await findPostedReminders(ctx, occurrence);
    if (posted.length === 0) return;
    const message = await buildReminderMessage(ctx, call, occurrence, await loadSkipOverrides(ctx.db));
    for (const reminder of posted) {
      const payload = { channel: reminder.channel, ts: reminder.ts, text: message.text, blocks: message.blocks };
      try {
        if (!ctx.slack) throw new Error('Slack client is not configured');
        await ctx.slack.chat.update(payload);
      } catch (error) {
        ctx.log.warn({ claimKey: reminder.claimKey, err: errorSummary(error) }, 'calls: chat.update failed; queued in the outbox');
        await ctx.outbox.enqueue({ key: `calls:update:${reminder.claimKey}:${requestId}`, target: 'slack', method: 'chat.update', payload });
      }
    }
  }

  return {
    /** Resolves when this refresh (and any queued before it for the same occurrence) is done. */
    refresh(call: CallConfig, occurrence: Occurrence, requestId: string): Promise<void> {
      const previous = queues.get(occurrence.key) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => refreshNow(call, occurrence, requestId));
      queues.set(occurrence.key, next);
      void next.finally(() => {
        if (queues.get(occurrence.key) === next) queues.delete(occurrence.key);
      }).catch(() => undefined);
      return next;
    },
  };
}

export type ReminderRefresher = ReturnType<typeof createReminderRefresher>;
