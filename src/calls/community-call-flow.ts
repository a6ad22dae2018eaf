import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import type { CallSubcommand } from './core/command/plan-call-command';
import { renderCancellationMessage } from './core/messages/render-cancellation-message';
import {
  renderAgendaAdded,
  renderLinkAttached,
  renderNoCallForAgenda,
  renderNoPastCall,
  renderSkipChanged,
} from './core/messages/render-command-replies';
import { renderLinkPostedMessage } from './core/messages/render-link-posted-message';
import { renderNextReply } from './core/messages/render-next-reply';
import { renderReinstatedMessage } from './core/messages/render-reinstated-message';
import { renderReply } from './core/messages/render-reply';
import { renderScheduleReply } from './core/messages/render-schedule-reply';
import { findLastOccurrence } from './core/occurrences/find-last-occurrence';
import { findNextHeld } from './core/occurrences/find-next-held';
import { listUpcoming } from './core/occurrences/list-upcoming';
import { checkSkipDate } from './core/skips/check-skip-date';
import { planSkipRow } from './core/skips/skip-row';
import { channelPost, describe, icsUrlFor } from './messages';
import type { ReminderRefresher } from './refresh-reminders';
import { loadAgenda, loadRsvps, loadSkipOverrides } from './store';
import type { CallConfig, SkipOverride, SlackMessage } from './types';

/** Number of occurrences `schedule` lists (the issue asks for the next 4). */
const SCHEDULE_COUNT = 4;

export type CallCommandContext = Pick<AppContext, 'db' | 'outbox' | 'clock' | 'log' | 'slack' | 'publicUrl'>;

/** Edits posted reminders when the agenda changes. */
type Refresher = Pick<ReminderRefresher, 'refresh'>;

export interface CallRequest {
  userId: string;
  /** Unique per command invocation: part of the outbox keys of the posts it makes. */
  requestId: string;
}

/**
 * A `/community-call` subcommand that reads or writes (see plan-call-command.ts for those answered in
 * the ack), run after the ack: returns the ephemeral answer. Channel posts (cancellations, links) go
 * through the outbox, in the same transaction as the row they announce.
 */
export async function runCallCommand(
  ctx: CallCommandContext,
  refresher: Refresher,
  call: CallConfig,
  command: CallSubcommand,
  request: CallRequest,
): Promise<SlackMessage> {
  const now = ctx.clock.now();
  const skipOverrides = await loadSkipOverrides(ctx.db);
  switch (command.kind) {
    case 'next':
      return answerNext(ctx, call, skipOverrides, request, now);
    case 'schedule':
      return renderScheduleReply(call, listUpcoming(call, skipOverrides, now, SCHEDULE_COUNT), icsUrlFor(ctx, call.slug));
    case 'agenda':
      return addAgendaTopic(ctx, refresher, call, command.topic, skipOverrides, request, now);
    case 'skip':
    case 'unskip':
      return changeSkip(ctx, call, command, skipOverrides, request, now);
    case 'notes':
    case 'recording':
      return attachLink(ctx, call, command.kind, command.url, skipOverrides, request, now);
  }
}

async function answerNext(
  ctx: CallCommandContext,
  call: CallConfig,
  skipOverrides: readonly SkipOverride[],
  request: CallRequest,
  now: Date,
): Promise<SlackMessage> {
  const occurrence = findNextHeld(call, skipOverrides, now);
  const [readerTimezone, agenda, rsvps] = await Promise.all([
    readTimezone(ctx, request.userId),
    occurrence ? loadAgenda(ctx.db, occurrence) : [],
    occurrence ? loadRsvps(ctx.db, occurrence) : undefined,
  ]);
  return renderNextReply({
    call,
    occurrence,
    agenda,
    rsvps: rsvps?.counts ?? { going: 0, maybe: 0, no: 0 },
    readerTimezone,
    icsUrl: icsUrlFor(ctx, call.slug),
  });
}

/** The reader's zone from users.info (https://api.slack.com/methods/users.info, `user.tz`); the reply works without it. */
async function readTimezone(ctx: Pick<AppContext, 'slack' | 'log'>, userId: string): Promise<string | undefined> {
  if (!ctx.slack) return undefined;
  try {
    const info = await ctx.slack.users.info({ user: userId });
    return info.user?.tz ?? undefined;
  } catch (error) {
    ctx.log.warn({ userId, err: errorSummary(error) }, 'calls: users.info failed; answering without the reader time zone');
    return undefined;
  }
}

async function addAgendaTopic(
  ctx: CallCommandContext,
  refresher: Refresher,
  call: CallConfig,
  topic: string,
  skipOverrides: readonly SkipOverride[],
  request: CallRequest,
  now: Date,
): Promise<SlackMessage> {
  const occurrence = findNextHeld(call, skipOverrides, now);
  if (!occurrence) return renderNoCallForAgenda(call);
  await ctx.db.agendaItem.create({ data: { callSlug: call.slug, occurrenceStart: occurrence.start, topic, addedBy: request.userId } });
  // Reminders already posted for this occurrence show the agenda too.
  await refresher.refresh(call, occurrence, request.requestId);
  return renderAgendaAdded(call, topic, occurrence.start);
}

async function changeSkip(
  ctx: CallCommandContext,
  call: CallConfig,
  command: Extract<CallSubcommand, { kind: 'skip' | 'unskip' }>,
  skipOverrides: readonly SkipOverride[],
  request: CallRequest,
  now: Date,
): Promise<SlackMessage> {
  const mode = command.kind;
  const check = checkSkipDate(call, command.date, mode, skipOverrides, now);
  if (!check.ok) return renderReply(check.message);
  const reason = command.kind === 'skip' ? command.reason : undefined;
  const after: SkipOverride[] = [...skipOverrides, { callSlug: call.slug, localDate: command.date, skipped: mode === 'skip', reason }];
  const occurrence = describe(call, check.occurrence, after);
  const post =
    mode === 'skip'
      ? renderCancellationMessage({ call, occurrence, reason, cancelledBy: request.userId, next: findNextHeld(call, after, now) })
      : renderReinstatedMessage(call, occurrence, request.userId);
  const change = planSkipRow(call, mode, command.date, request.userId, reason);
  const where = { callSlug_localDate: { callSlug: call.slug, localDate: command.date } };

  // The skip row and the channel post commit together: a cancellation is never announced without
  // taking effect, nor the other way round.
  await ctx.db.$transaction(async (tx) => {
    if (change.kind === 'delete') await tx.callSkip.deleteMany({ where: { callSlug: call.slug, localDate: command.date } });
    else {
      const data = { skipped: change.skipped, reason: change.reason, createdBy: change.createdBy };
      await tx.callSkip.upsert({ where, create: { callSlug: call.slug, localDate: command.date, ...data }, update: data });
    }
    await ctx.outbox.enqueue(
      { key: `calls:${mode}:${check.occurrence.key}:${request.requestId}`, target: 'slack', method: 'chat.postMessage', payload: channelPost(call.channel, post) },
      tx,
    );
  });
  ctx.log.info({ call: call.slug, date: command.date, mode, by: request.userId }, `calls: occurrence ${mode}ped`);
  return renderSkipChanged(call, mode, check.occurrence.start);
}

async function attachLink(
  ctx: CallCommandContext,
  call: CallConfig,
  what: 'notes' | 'recording',
  url: string,
  skipOverrides: readonly SkipOverride[],
  request: CallRequest,
  now: Date,
): Promise<SlackMessage> {
  const occurrence = findLastOccurrence(call, skipOverrides, now);
  if (!occurrence) return renderNoPastCall(call, what);
  const field = what === 'notes' ? { notesUrl: url } : { recordingUrl: url };
  const post = renderLinkPostedMessage(call, occurrence, what, url, request.userId);
  await ctx.db.$transaction(async (tx) => {
    await tx.callArtifact.upsert({
      where: { callSlug_occurrenceStart: { callSlug: call.slug, occurrenceStart: occurrence.start } },
      create: { callSlug: call.slug, occurrenceStart: occurrence.start, ...field },
      update: field,
    });
    await ctx.outbox.enqueue(
      { key: `calls:${what}:${occurrence.key}:${request.requestId}`, target: 'slack', method: 'chat.postMessage', payload: channelPost(call.channel, post) },
      tx,
    );
  });
  return renderLinkAttached(call, what, occurrence.start);
}
