import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { findDueReminders } from './core/reminders/find-due-reminders';
import { resolveSkips } from './core/skips/resolve-skips';
import { readSkipRow } from './core/skips/skip-row';
import { buildScheduledMessage, channelPost, outboxKeyForClaim } from './messages';
import { findPostedReminders } from './refresh-reminders';
import { loadSkipOverrides } from './store';
import type { CallConfig, DueReminder, SkipOverride } from './types';

const MS_PER_DAY = 86_400_000;

/**
 * Claims older than this cannot matter: find-due-reminders looks back at most a call's duration
 * (≤ 1 day) plus the 1-day follow-up window.
 */
const CLAIM_LOOKBACK_MS = 3 * MS_PER_DAY;

/**
 * One scheduler pass. node-cron only wakes it (every minute); what is due comes from podbot.yml plus
 * the database, so a restart or a second replica computes the same list:
 *
 * 1. Load skips and the claims of recent occurrences.
 * 2. find-due-reminders says what is due now, and what was missed.
 * 3. Each due item is claimed by inserting its ReminderClaim row (the claim key is the primary key).
 *    Only the instance whose insert succeeds enqueues the post, in the same transaction, so a crash
 *    between the two cannot lose or double it, and a concurrent replica's insert waits for ours and
 *    then finds the row.
 * 4. Missed items (downtime past the start) are claimed as `missed` and logged, not posted.
 * 5. Reminders already posted get their channel and ts copied onto the claim (for chat.update).
 */
export async function runCallsTick(ctx: AppContext): Promise<void> {
  const calls = ctx.config.calls;
  if (calls.length === 0) return;
  const now = ctx.clock.now();
  const skipOverrides = await loadSkipOverrides(ctx.db);
  const claims = await ctx.db.reminderClaim.findMany({
    where: { occurrenceStart: { gte: new Date(now.getTime() - CLAIM_LOOKBACK_MS) } },
    select: { key: true },
  });
  const due = findDueReminders(calls, { skipOverrides, claimed: new Set(claims.map((claim) => claim.key)) }, now);

  const failures: unknown[] = [];
  for (const item of due) {
    const call = calls.find((candidate) => candidate.slug === item.occurrence.callSlug)!;
    try {
      if (item.action === 'missed') await recordMissed(ctx, call, item);
      else await claimAndPost(ctx, call, item, skipOverrides);
    } catch (error) {
      // Keep going with the other calls; the item stays unclaimed and the next tick retries it.
      ctx.log.error({ claimKey: item.claimKey, err: errorSummary(error) }, 'calls: could not claim a reminder');
      failures.push(error);
    }
  }
  await recordPostedMessages(ctx, now);
  if (failures.length > 0) throw new AggregateError(failures, `calls: ${failures.length} due item(s) failed; they are retried on the next tick`);
}

async function claimAndPost(ctx: AppContext, call: CallConfig, item: DueReminder, skipOverrides: readonly SkipOverride[]): Promise<void> {
  const message = await buildScheduledMessage(ctx, call, item.occurrence, item.kind, skipOverrides);
  const won = await ctx.db.$transaction(async (tx) => {
    // A `skip` may have landed since the due list was computed: look again, so a cancellation
    // announced a moment ago is not followed by the reminder it cancelled.
    const row = await tx.callSkip.findUnique({
      where: { callSlug_localDate: { callSlug: call.slug, localDate: item.occurrence.localDate } },
    });
    if (resolveSkips(call, row ? [readSkipRow(row)] : []).has(item.occurrence.localDate)) return false;
    const { count } = await tx.reminderClaim.createMany({
      data: [claimRow(call, item, 'sent')],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await ctx.outbox.enqueue(
      { key: outboxKeyForClaim(item.claimKey), target: 'slack', method: 'chat.postMessage', payload: channelPost(call.channel, message) },
      tx,
    );
    return true;
  });
  if (!won) return;
  // Counted after the commit, by the one instance whose claim won, so a retry or a second replica does not count it again.
  ctx.metrics.remindersSent.inc({ kind: item.kind, status: 'sent' });
  ctx.log.info({ claimKey: item.claimKey, dueAt: item.dueAt.toISOString() }, 'calls: reminder claimed and queued');
}

async function recordMissed(ctx: AppContext, call: CallConfig, item: DueReminder): Promise<void> {
  const { count } = await ctx.db.reminderClaim.createMany({ data: [claimRow(call, item, 'missed')], skipDuplicates: true });
  if (count === 0) return;
  ctx.metrics.remindersSent.inc({ kind: item.kind, status: 'missed' });
  ctx.log.warn(
    { claimKey: item.claimKey, dueAt: item.dueAt.toISOString(), missedBecause: item.missedBecause },
    'calls: reminder missed; not posted',
  );
}

function claimRow(call: CallConfig, item: DueReminder, status: 'sent' | 'missed') {
  return {
    key: item.claimKey,
    callSlug: call.slug,
    occurrenceStart: item.occurrence.start,
    kind: item.kind,
    status,
    channel: status === 'sent' ? call.channel : null,
  };
}

/** Copies channel + ts of freshly posted reminders onto their claims (see findPostedReminders). */
async function recordPostedMessages(ctx: AppContext, now: Date): Promise<void> {
  const pending = await ctx.db.reminderClaim.findMany({
    where: {
      status: 'sent',
      messageTs: null,
      kind: { startsWith: 'reminder:' },
      occurrenceStart: { gte: new Date(now.getTime() - CLAIM_LOOKBACK_MS) },
    },
    select: { callSlug: true, occurrenceStart: true },
    distinct: ['callSlug', 'occurrenceStart'],
  });
  for (const { callSlug, occurrenceStart } of pending) {
    await findPostedReminders(ctx, { callSlug, start: occurrenceStart });
  }
}
