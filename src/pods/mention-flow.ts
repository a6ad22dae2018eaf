import type { AppContext } from '../context';
import type { OutboxJobInput } from '../outbox/types';
import { matchPods } from './core/mentions/match-pods';
import { podsForRepository } from './core/mentions/pods-for-repository';
import { planPodMentions, type MentionPlan, type PlannedMention } from './core/mentions/plan-pod-mentions';
import { renderPodMentionComment } from './core/mentions/render-pod-mention-comment';
import { renderPodMentionEcho, type MentionedItem } from './core/mentions/render-pod-mention-echo';
import { slackMessageJob } from './notifications';
import type { Db } from './store/db';
import type { StoredPodView } from './store/load-pod-views';
import { readPodViews } from './store/read-pod-views';
import { claimPodMentionsIn, mentionedPods } from './store/pod-mentions';
import { podExtensions } from './extensions';

export interface MentionTarget extends MentionedItem {
  owner: string;
  name: string;
  labels: string[];
  /** Changed files of a PR; empty for issues. */
  changedFiles: string[];
  authorIsBot: boolean;
  /** The webhook payload at hand, for extensions that read more of it (see PodExtension). */
  delivery?: object;
}

/** What pod mentions use from the app. */
export type MentionContext = Pick<AppContext, 'db' | 'outbox' | 'clock' | 'config' | 'log'>;

export type MentionResult = { posted: string[] } | { skipped: string };

/** The live pods an issue or PR matches, and which of them to mention now (see planPodMentions). Reads only. */
export async function planMentionsFor(
  ctx: Pick<AppContext, 'db' | 'config'>,
  target: Pick<MentionTarget, 'repo' | 'number' | 'labels' | 'changedFiles' | 'author' | 'authorIsBot' | 'delivery'> & { kind?: 'issue' | 'pr' },
): Promise<{ matched: StoredPodView[]; plan: MentionPlan }> {
  const settings = ctx.config.podSettings.mentions;
  const pods = podsForRepository(await readPodViews(ctx.db, { liveOnly: true }), ctx.config.pods, target.repo);
  const matched = matchPods({ labels: target.labels, changedFiles: target.changedFiles }, pods);
  if (matched.length === 0) return { matched, plan: { kind: 'skip', reason: 'nothing-new' } };
  const configuredBot = ctx.config.bots.some((bot) => bot.toLowerCase() === target.author.toLowerCase());
  const plan = planPodMentions({
    matched,
    alreadyMentioned: await mentionedPods(ctx.db, target.repo, target.number),
    authorLogin: target.author,
    isBot: target.authorIsBot || configuredBot,
    labels: target.labels,
    optOutLabel: settings.optOutLabel,
    enabled: settings.enabled,
  });
  if (plan.kind === 'mention') plan.mentions = await withExtensions(ctx, target, plan.mentions);
  return { matched, plan };
}

/** Adds what registered extensions say about each pod (a note line, writes at claim time). */
async function withExtensions(
  ctx: object,
  target: Pick<MentionTarget, 'repo' | 'number' | 'author' | 'delivery'> & { kind?: 'issue' | 'pr' },
  mentions: PlannedMention[],
): Promise<PlannedMention[]> {
  let result = mentions;
  for (const extension of podExtensions(ctx)) {
    if (!extension.planMentionAdditions) continue;
    const kind = target.kind ?? ((target.delivery as { pull_request?: unknown } | undefined)?.pull_request ? 'pr' : 'issue');
    const additions = await extension.planMentionAdditions(
      { kind, repo: target.repo, number: target.number, author: target.author, ...(target.delivery ? { delivery: target.delivery } : {}) },
      result.map((mention) => mention.pod),
    );
    result = result.map((mention) => {
      const addition = additions.get(mention.pod.name);
      return addition ? { ...mention, ...(addition.note ? { note: addition.note } : {}), ...(addition.onClaim ? { onClaim: addition.onClaim } : {}) } : mention;
    });
  }
  return result;
}

/**
 * Claims planned mentions inside the caller's transaction, for a comment someone else writes (the first-timer
 * welcome carries the pod mention). Returns the mentions this call claimed and the note for each pod's channel;
 * the caller enqueues those with its comment, in the same transaction.
 */
export async function claimMentionsIn(
  tx: Db,
  request: { target: MentionedItem; mentions: readonly PlannedMention[]; now: Date },
): Promise<{ mentions: PlannedMention[]; jobs: OutboxJobInput[] }> {
  const { target } = request;
  const claimed = await claimPodMentionsIn(tx, {
    repo: target.repo,
    number: target.number,
    podNames: request.mentions.map((mention) => mention.pod.name),
    now: request.now,
    event: { kind: target.kind, title: target.title, url: target.url, author: target.author },
  });
  const mentions = request.mentions.filter((mention) => claimed.includes(mention.pod.name));
  const jobs = echoJobs(target, mentions);
  for (const mention of mentions) if (mention.onClaim) jobs.push(...(await mention.onClaim(tx)));
  return { mentions, jobs };
}

/**
 * Pod mentions for one issue or PR:
 * 1. match live pods by labels and changed files;
 * 2. drop pods already mentioned here (PodMention rows) and decide with the core (switch, opt-out, bots);
 * 3. claim the pods and enqueue one comment (plus a note in each pod's Slack channel, and what extensions add, such
 *    as review requests) in one transaction.
 */
export async function mentionPods(ctx: MentionContext, target: MentionTarget): Promise<MentionResult> {
  const { matched, plan } = await planMentionsFor(ctx, target);
  if (matched.length === 0) return { skipped: 'no-match' };
  if (plan.kind === 'skip') return { skipped: plan.reason };

  const posted = await ctx.db.$transaction(async (tx) => {
    const claim = await claimMentionsIn(tx, { target, mentions: plan.mentions, now: ctx.clock.now() });
    if (claim.mentions.length === 0) return [];
    const claimed = claim.mentions.map((mention) => mention.pod.name);
    const comment: OutboxJobInput = {
      key: `pod-mention:${target.repo}#${target.number}:${claimed.join(',')}`,
      target: 'github',
      method: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      payload: { owner: target.owner, repo: target.name, issue_number: target.number, body: renderPodMentionComment(claim.mentions) },
    };
    await ctx.outbox.enqueue([comment, ...claim.jobs], tx);
    return claimed;
  });
  if (posted.length > 0) ctx.log.info({ repo: target.repo, number: target.number, pods: posted }, 'pods: mentioned on GitHub');
  return posted.length > 0 ? { posted } : { skipped: 'nothing-new' };
}

/** A note in each mentioned pod's Slack channel. */
function echoJobs(target: MentionedItem, mentions: readonly PlannedMention[]): OutboxJobInput[] {
  return mentions
    .filter((mention) => mention.pod.channel)
    .map((mention) => slackMessageJob(`pod-mention:${target.repo}#${target.number}:${mention.pod.name}:slack`, mention.pod.channel!, renderPodMentionEcho(mention.pod, target)));
}
