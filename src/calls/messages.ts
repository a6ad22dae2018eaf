import type { AppContext } from '../context';
import { describeOccurrence } from './core/occurrences/describe-occurrence';
import { renderFollowUpMessage } from './core/messages/render-follow-up-message';
import { renderReminderMessage } from './core/messages/render-reminder-message';
import { renderRoundRobinMessage } from './core/messages/render-round-robin-message';
import { resolveSkips } from './core/skips/resolve-skips';
import { loadAgenda, loadArtifact, loadRsvps } from './store';
import type { CallConfig, DescribedOccurrence, Occurrence, ReminderKind, SkipOverride, SlackMessage } from './types';

// Fetch-then-render for the messages the scheduler posts and the RSVP handler re-renders.

/** Outbox key of a scheduled message: the claim key, so the claim row and the job share one name. */
export function outboxKeyForClaim(claimKey: string): string {
  return `calls:${claimKey}`;
}

/**
 * The calendar feed of one call. PODBOT_PUBLIC_URL makes it absolute; without it Slack cannot
 * open the link, which docs/calls.md points out.
 */
export function icsUrlFor(ctx: Pick<AppContext, 'publicUrl'>, slug: string): string {
  return `${ctx.publicUrl ?? ''}/calls/${slug}.ics`;
}

export function describe(call: CallConfig, occurrence: Occurrence, skipOverrides: readonly SkipOverride[]): DescribedOccurrence {
  return describeOccurrence(call, occurrence, resolveSkips(call, skipOverrides));
}

/** A reminder with the current agenda and RSVP counts (posted by the scheduler, re-rendered on every answer). */
export async function buildReminderMessage(
  ctx: AppContext,
  call: CallConfig,
  occurrence: Occurrence,
  skipOverrides: readonly SkipOverride[],
): Promise<SlackMessage> {
  const [agenda, rsvps] = await Promise.all([loadAgenda(ctx.db, occurrence), loadRsvps(ctx.db, occurrence)]);
  return renderReminderMessage({
    call,
    occurrence: describe(call, occurrence, skipOverrides),
    agenda,
    rsvps: rsvps.counts,
    icsUrl: icsUrlFor(ctx, call.slug),
  });
}

/** The message for one due scheduler item. */
export async function buildScheduledMessage(
  ctx: AppContext,
  call: CallConfig,
  occurrence: Occurrence,
  kind: ReminderKind,
  skipOverrides: readonly SkipOverride[],
): Promise<SlackMessage> {
  if (kind === 'round-robin') {
    const { going } = await loadRsvps(ctx.db, occurrence);
    return renderRoundRobinMessage(call, occurrence, going);
  }
  if (kind === 'follow-up') {
    const links = await loadArtifact(ctx.db, occurrence);
    return renderFollowUpMessage({ call, occurrence: describe(call, occurrence, skipOverrides), ...links });
  }
  return buildReminderMessage(ctx, call, occurrence, skipOverrides);
}

/** chat.postMessage arguments for a channel post. Link previews are off: the meeting link would unfurl into a large card. */
export function channelPost(channel: string, message: SlackMessage): Record<string, unknown> {
  return { channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false };
}
