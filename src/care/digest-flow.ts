import { DateTime } from 'luxon';
import { findNextHeldCall } from '../calls';
import type { AppContext } from '../context';
import { section, type SlackMessage } from '../kit/slack/blocks';
import { escapeMrkdwn } from '../kit/slack/text';
import { findClosestMatch } from '../kit/text/find-closest-match';
import { listWaitingItems } from '../newcomers';
import { loadPodViews, type StoredPodView } from '../pods';
import { renderDigest } from './core/render-digest';
import { isDue, lastWeeklySlot } from './core/schedule';
import { claimSend, loadDigestData } from './store/digest-data';

/** What the digest uses from the app. */
export type DigestContext = Pick<AppContext, 'db' | 'outbox' | 'clock' | 'config' | 'log'>;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** A pod's digest for the week that ends at `to`; undefined when there is nothing to report. */
export async function buildDigest(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, pod: StoredPodView, to: Date, weekOf: string): Promise<SlackMessage | undefined> {
  const from = new Date(to.getTime() - WEEK_MS);
  const data = await loadDigestData(ctx.db, { podId: pod.id, pod: pod.name, from, to, bots: ctx.config.bots });
  // The first-response watch's own list (newcomers), seen at `to` so that every replica lists the same items.
  const waiting = (await listWaitingItems({ ...ctx, clock: { now: () => to } }, pod.name)).filter((item) => item.openedAt < to);
  const nextCall = await findNextHeldCall(ctx);
  return renderDigest({
    pod,
    weekOf,
    ...data,
    waitingIssues: waiting.filter((item) => item.kind === 'issue').map((item) => ({ repo: item.repo, number: item.number, kind: 'issue' as const, author: item.authorLogin, ageDays: Math.floor(item.ageMs / DAY_MS) })),
    ...(nextCall ? { nextCall: { name: nextCall.name, start: nextCall.start, ...(nextCall.link ? { link: nextCall.link } : {}) } } : {}),
  });
}

/**
 * The weekly digest, woken every few minutes:
 * 1. find this week's slot (weekday and hour in the community's time zone); nothing to do unless it was in the last day;
 * 2. for each live pod with a channel not yet claimed for that week: build the digest for the week before the slot
 *    (the slot, not the clock, bounds it, so every replica builds the same one);
 * 3. claim the pod's week and enqueue the post in one transaction (an empty digest is claimed and not sent), so
 *    each pod gets at most one digest a week across restarts and replicas.
 */
export async function runWeeklyDigest(ctx: DigestContext): Promise<void> {
  const settings = ctx.config.care.digest;
  if (!settings.enabled) return;
  const now = ctx.clock.now();
  const slot = lastWeeklySlot(now, { timeZone: ctx.config.care.timeZone, weekday: settings.weekday, hour: settings.hour });
  if (!isDue(slot, now)) return;
  const pods = (await loadPodViews(ctx.db, { liveOnly: true })).filter((pod) => pod.channel);
  const claimed = new Set((await ctx.db.careClaim.findMany({ where: { key: { in: pods.map((pod) => digestKey(pod.name, slot.localDate)) } }, select: { key: true } })).map((row) => row.key));
  for (const pod of pods) {
    const key = digestKey(pod.name, slot.localDate);
    if (claimed.has(key)) continue;
    const message = await buildDigest(ctx, pod, slot.at, slot.localDate);
    const sent = await ctx.db.$transaction(async (tx) => {
      if (!(await claimSend(tx, key, message ? 'sent' : 'empty', now))) return false;
      if (message) await ctx.outbox.enqueue({ key, target: 'slack', method: 'chat.postMessage', payload: { channel: pod.channel!, text: message.text, blocks: message.blocks } }, tx);
      return message !== undefined;
    });
    if (sent) ctx.log.info({ pod: pod.name, week: slot.localDate }, 'care: weekly digest enqueued');
  }
}

function digestKey(pod: string, localDate: string): string {
  return `care-digest:${pod}:${localDate}`;
}

/** `/pod digest <name>`: this pod's digest as it would look now, to the person who asks. */
export async function previewDigest(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, args: string): Promise<SlackMessage> {
  const name = args.trim().toLowerCase();
  const pods = await loadPodViews(ctx.db, { liveOnly: true });
  if (!name) return plain(`\`/pod digest\` needs a pod name, like \`/pod digest ${pods[0]?.name ?? 'docs'}\`.`);
  const pod = pods.find((candidate) => candidate.name === name);
  if (!pod) {
    const suggestion = findClosestMatch(name, pods.map((candidate) => candidate.name));
    const hint = suggestion ? ` Did you mean \`/pod digest ${suggestion}\`?` : ' `/pod list` shows the pods.';
    return plain(`There is no pod called \`${escapeMrkdwn(name.replace(/`/g, ''))}\`.${hint}`);
  }
  const now = ctx.clock.now();
  const message = await buildDigest(ctx, pod, now, DateTime.fromJSDate(now, { zone: ctx.config.care.timeZone }).toISODate()!);
  if (!message) return plain(`Nothing for the ${pod.displayName} digest this week, so none would be sent.`);
  return { text: `Preview (only you can see this): ${message.text}`, blocks: [section('_Preview of the weekly digest; only you can see it._'), ...message.blocks] };
}

const plain = (text: string): SlackMessage => ({ text, blocks: [section(text)] });
