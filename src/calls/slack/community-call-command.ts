import type { App, RespondFn } from '@slack/bolt';
import type { AppContext } from '../../context';
import { checkSkipDate } from '../core/skips/check-skip-date';
import { checkSkipPermission } from '../core/skips/check-skip-permission';
import { chooseCall } from '../core/command/choose-call';
import { findLastOccurrence } from '../core/occurrences/find-last-occurrence';
import { findNextHeld } from '../core/occurrences/find-next-held';
import { formatInZone } from '../core/messages/format-call-time';
import { listUpcoming } from '../core/occurrences/list-upcoming';
import { parseCallCommand } from '../core/command/parse-call-command';
import { renderCancellationMessage } from '../core/messages/render-cancellation-message';
import { renderHelpText } from '../core/messages/render-help-text';
import { renderLinkPostedMessage } from '../core/messages/render-link-posted-message';
import { renderNextReply } from '../core/messages/render-next-reply';
import { renderReinstatedMessage } from '../core/messages/render-reinstated-message';
import { renderReply } from '../core/messages/render-reply';
import { renderScheduleReply } from '../core/messages/render-schedule-reply';
import { planSkipRow } from '../core/skips/skip-row';
import { channelPost, describe, icsUrlFor } from '../messages';
import type { ReminderRefresher } from '../refresh-reminders';
import { loadAgenda, loadRsvps, loadSkipOverrides } from '../store';
import type { CallCommand, CallConfig, SkipOverride, SlackMessage } from '../types';
import { errorSummary } from '../../errors';
import { escapeMrkdwn } from '../../kit/slack/text';
import { respondWithRetry } from '../../slack/respond-with-retry';

/** Number of occurrences `schedule` lists (the issue asks for the next 4). */
const SCHEDULE_COUNT = 4;

interface Request {
  userId: string;
  /** Unique per command invocation: part of the outbox keys of the posts it makes. */
  requestId: string;
}

type Subcommand = Exclude<CallCommand, { kind: 'invalid' } | { kind: 'help' }>;

/**
 * `/community-call [call] <next|schedule|agenda|skip|unskip|notes|recording|help>`.
 *
 * Slack wants the ack within 3 seconds (https://api.slack.com/interactivity/slash-commands#responding_basic_receipt).
 * Answers that need no I/O (help, parse errors, choosing the call, permission) go in the ack
 * itself; everything that reads the database or Slack is acknowledged first and answered with
 * respond(). Channel posts (cancellations, links) go through the outbox.
 */
export function registerCommunityCallCommand(app: App, ctx: AppContext, refresher: ReminderRefresher): void {
  app.command('/community-call', async ({ command, ack, respond }) => {
    const calls = ctx.config.calls;
    const slugs = calls.map((call) => call.slug);
    const parsed = parseCallCommand(command.text ?? '', slugs);
    if (parsed.kind === 'invalid') return ack(ephemeral(renderReply(parsed.message)));
    if (parsed.kind === 'help') return ack(ephemeral(renderHelpText(slugs)));
    const choice = chooseCall(calls, parsed.slug, command.channel_id);
    if (!choice.ok) return ack(ephemeral(renderReply(choice.message)));
    if (parsed.kind === 'skip' || parsed.kind === 'unskip') {
      const permission = checkSkipPermission(choice.call, command.user_id, ctx.isAdmin(command.user_id), parsed.kind);
      if (!permission.ok) return ack(ephemeral(renderReply(permission.message)));
    }
    await ack();

    const request = { userId: command.user_id, requestId: command.trigger_id };
    ctx.background(`calls: /community-call ${parsed.kind}`, () => answer(ctx, refresher, choice.call, parsed, request, respondWithRetry(respond)));
  });
}

async function answer(
  ctx: AppContext,
  refresher: ReminderRefresher,
  call: CallConfig,
  command: Subcommand,
  request: Request,
  respond: RespondFn,
): Promise<void> {
  let reply: SlackMessage;
  try {
    reply = await run(ctx, refresher, call, command, request);
  } catch (error) {
    await respond(ephemeral(renderReply('Something went wrong on my side, so nothing was changed. Please try again in a minute.'))).catch(
      (respondError) => ctx.log.warn({ err: errorSummary(respondError) }, 'calls: could not report a failure to the user'),
    );
    throw error;
  }
  await respond(ephemeral(reply));
}

async function run(ctx: AppContext, refresher: ReminderRefresher, call: CallConfig, command: Subcommand, request: Request): Promise<SlackMessage> {
  const now = ctx.clock.now();
  const skipOverrides = await loadSkipOverrides(ctx.db);
  switch (command.kind) {
    case 'next': {
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

/** The reader's zone from users.info (https://api.slack.com/methods/users.info, `user.tz`); the reply works without it. */
async function readTimezone(ctx: AppContext, userId: string): Promise<string | undefined> {
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
  ctx: AppContext,
  refresher: ReminderRefresher,
  call: CallConfig,
  topic: string,
  skipOverrides: readonly SkipOverride[],
  request: Request,
  now: Date,
): Promise<SlackMessage> {
  const occurrence = findNextHeld(call, skipOverrides, now);
  if (!occurrence) return renderReply(`No upcoming ${call.name} is scheduled, so there is no agenda to add to.`);
  await ctx.db.agendaItem.create({ data: { callSlug: call.slug, occurrenceStart: occurrence.start, topic, addedBy: request.userId } });
  // Reminders already posted for this occurrence show the agenda too.
  await refresher.refresh(call, occurrence, request.requestId);
  return renderReply(`Added “${escapeMrkdwn(topic)}” to the agenda of the ${call.name} on ${formatInZone(occurrence.start, call.timezone)}.`);
}

async function changeSkip(
  ctx: AppContext,
  call: CallConfig,
  command: Extract<CallCommand, { kind: 'skip' | 'unskip' }>,
  skipOverrides: readonly SkipOverride[],
  request: Request,
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
  const when = formatInZone(check.occurrence.start, call.timezone);
  return renderReply(
    mode === 'skip'
      ? `Skipped the ${call.name} on ${when}. Its reminders will not be sent, and I posted the cancellation in <#${call.channel}>.`
      : `The ${call.name} on ${when} is back on; reminders will go out as usual. I told <#${call.channel}>.`,
  );
}

async function attachLink(
  ctx: AppContext,
  call: CallConfig,
  what: 'notes' | 'recording',
  url: string,
  skipOverrides: readonly SkipOverride[],
  request: Request,
  now: Date,
): Promise<SlackMessage> {
  const occurrence = findLastOccurrence(call, skipOverrides, now);
  if (!occurrence) return renderReply(`No ${call.name} has taken place yet, so there is no call to attach the ${what} to.`);
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
  const label = what === 'notes' ? 'notes' : 'recording';
  return renderReply(`Attached the ${label} to the ${call.name} on ${formatInZone(occurrence.start, call.timezone)} and posted the link in <#${call.channel}>.`);
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, text: message.text, blocks: message.blocks };
}
