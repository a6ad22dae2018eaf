import { DateTime } from 'luxon';
import type { AppContext } from '../context';
import { section, type SlackMessage } from '../kit/slack/blocks';
import { loadPodViews } from '../pods';
import { renderLadderMessage, suggestLadderChanges } from './core/ladder';
import { isDue, lastMonthlySlot } from './core/schedule';
import { claimSend } from './store/digest-data';
import { decideSuggestion, loadAreaActivity, loadLastActive, saveSuggestions } from './store/ladder';

const DAY_MS = 86_400_000;

/**
 * The monthly contributor-ladder DMs:
 * 1. on the configured day and hour (community time zone), work out the suggestions from the ledger and responses;
 * 2. store them, keeping earlier choices: dismissed ones stay quiet, snoozed ones come back once their month is up;
 * 3. DM each advocate their pods' open suggestions and each admin all of them, each DM claimed once per month and
 *    person across replicas and enqueued in the same transaction.
 */
export async function runMonthlyLadder(ctx: Pick<AppContext, 'db' | 'outbox' | 'clock' | 'config' | 'log'>): Promise<void> {
  const settings = ctx.config.care.ladder;
  if (!settings.enabled) return;
  const now = ctx.clock.now();
  const slot = lastMonthlySlot(now, { timeZone: ctx.config.care.timeZone, dayOfMonth: settings.dayOfMonth, hour: settings.hour });
  if (!isDue(slot, now)) return;
  const pods = await loadPodViews(ctx.db, { liveOnly: true });
  const from = new Date(slot.at.getTime() - settings.windowDays * DAY_MS);
  const activity = await loadAreaActivity(ctx.db, { from, to: slot.at, bots: ctx.config.bots });
  const logins = pods.flatMap((pod) => pod.members.map((member) => member.githubLogin).filter((login): login is string => Boolean(login)));
  const suggestions = suggestLadderChanges({
    pods: pods.map((pod) => ({ name: pod.name, displayName: pod.displayName, members: pod.members.map((m) => ({ slackId: m.slackId, level: m.level, joinedAt: m.joinedAt, ...(m.githubLogin ? { login: m.githubLogin } : {}) })) })),
    activity,
    lastActive: await loadLastActive(ctx.db, logins),
    settings,
    now: slot.at,
  });
  const toSend = await saveSuggestions(ctx.db, suggestions, slot.at);
  const recipients = new Map<string, typeof toSend>();
  for (const admin of ctx.config.admins) recipients.set(admin, toSend);
  for (const pod of pods) {
    for (const advocate of pod.advocates) {
      if (ctx.config.admins.includes(advocate.slackId)) continue;
      recipients.set(advocate.slackId, [...(recipients.get(advocate.slackId) ?? []), ...toSend.filter((s) => s.podName === pod.name)]);
    }
  }
  for (const [recipient, list] of recipients) {
    if (list.length === 0) continue;
    const key = `care-ladder:${slot.localDate}:${recipient}`;
    const message = renderLadderMessage(list);
    await ctx.db.$transaction(async (tx) => {
      if (await claimSend(tx, key, 'sent', now)) await ctx.outbox.enqueue({ key, target: 'slack', method: 'chat.postMessage', payload: { channel: recipient, text: message.text, blocks: message.blocks } }, tx);
    });
  }
  ctx.log.info({ month: slot.localDate, suggestions: toSend.length, recipients: recipients.size }, 'care: ladder suggestions');
}

/** A click on Dismiss or Remind me in a month: remembered, and said back to the person who clicked. */
export async function recordLadderChoice(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, click: { id: string; choice: 'dismissed' | 'snoozed'; by: string }): Promise<SlackMessage> {
  const id = Number(click.id);
  const now = ctx.clock.now();
  const snoozeUntil = DateTime.fromJSDate(now, { zone: ctx.config.care.timeZone }).plus({ months: 1 }).toJSDate();
  const row = Number.isInteger(id) ? await decideSuggestion(ctx.db, { id, choice: click.choice, by: click.by, now, snoozeUntil }) : undefined;
  const text = !row
    ? 'podbot no longer knows that suggestion; the next monthly list has the current ones.'
    : click.choice === 'dismissed'
      ? `Dismissed: podbot will not suggest this again. (${row.reason.replace(/<@[UW][A-Z0-9]+>\s*/g, '')})`
      : `podbot will remind you about this in a month. (${row.reason.replace(/<@[UW][A-Z0-9]+>\s*/g, '')})`;
  return { text, blocks: [section(text)] };
}
