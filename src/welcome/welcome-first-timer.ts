import type { AppContext } from '../context';
import { findEarlierContributions, type SeenContribution } from '../ledger';
import { claimMentionsIn, loadPodViews, matchPods, planMentionsFor, podsForRepository, type MentionedItem } from '../pods';
import type { OutboxJobInput } from '../outbox/types';
import { isFirstTimeContributor } from '../kit/contributors/is-first-time-contributor';
import { listPrFiles } from '../kit/github/list-pr-files';
import { renderFirstContributionComment, renderFirstMergeComment } from './core/render-github-welcome';
import { renderFirstTimerHandoff } from './core/render-first-timer-handoff';
import { githubWelcomeKey, githubWelcomeLabelKey, handoffKey, type GitHubWelcomeKind } from './core/welcome-keys';

export type WelcomeOutcome = 'welcomed' | 'already-welcomed' | 'not-a-first-timer' | 'disabled';

/** What the GitHub welcome uses from the app. */
export type WelcomeContext = Pick<AppContext, 'db' | 'outbox' | 'clock' | 'config' | 'log' | 'github' | 'slack'>;

const KIND_OF: Record<GitHubWelcomeKind, 'issue' | 'pr' | 'merged-pr'> = { 'first-issue': 'issue', 'first-pr': 'pr', 'first-merged-pr': 'merged-pr' };

/** The welcome comment was enqueued before (a redelivery): the transaction is undone, the pods' claims with it. */
class AlreadyWelcomed extends Error {}

/**
 * The GitHub welcome, as a pipeline:
 * 1. decide from the payload and the ledger whether this is the author's first of its kind here;
 * 2. find the matching pods (labels; changed files for PRs) and, on a first issue or PR, which of them to mention;
 * 3. in one transaction: claim those pod mentions, then enqueue the comment (welcome and pod mention in one), the
 *    label, the hand-off DMs and the pods' channel notes, keyed per person, repository and kind, so redeliveries and
 *    concurrent first contributions produce one welcome;
 * 4. note the first-timer in each matching pod's activity, only when the welcome was new.
 *
 * `delivery` is the webhook payload at hand: the PR's files are listed once per delivery, shared with pod mentions.
 */
export async function welcomeFirstTimer(ctx: WelcomeContext, item: SeenContribution, kind: GitHubWelcomeKind, delivery?: object): Promise<WelcomeOutcome> {
  const config = ctx.config.welcome;
  if (!config.github.enabled) return 'disabled';
  const earlier = await findEarlierContributions(ctx.db, { repo: item.repo, login: item.authorLogin, number: item.number, before: item.openedAt });
  if (!isFirstTimeContributor({ login: item.authorLogin, association: item.association, kind: KIND_OF[kind], earlier, bots: ctx.config.bots })) {
    return 'not-a-first-timer';
  }

  const [owner, repo] = item.repo.split('/');
  const changedFiles = item.kind === 'pr' && ctx.github ? (await listPrFiles(ctx.github, { owner, repo, pull_number: item.number }, { delivery })).filenames : [];
  const { matched: pods, plan } =
    kind === 'first-merged-pr'
      ? { matched: matchPods({ labels: item.labels, changedFiles }, podsForRepository(await loadPodViews(ctx.db, { liveOnly: true }), ctx.config.pods, item.repo)), plan: undefined }
      : await planMentionsFor(ctx, { kind: item.kind, repo: item.repo, number: item.number, labels: item.labels, changedFiles, author: item.authorLogin, authorIsBot: false, ...(delivery ? { delivery } : {}) });
  const mentionedItem: MentionedItem = { kind: item.kind, repo: item.repo, number: item.number, title: item.title, url: item.url, author: item.authorLogin };

  const target = { owner, repo, issue_number: item.number };
  const jobs: OutboxJobInput[] = [];
  if (kind !== 'first-merged-pr') {
    jobs.push({
      key: githubWelcomeLabelKey(item.repo, item.authorLogin, kind),
      target: 'github',
      method: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      payload: { ...target, labels: [config.github.label] },
    });
  }
  if (config.github.handoff && ctx.slack) {
    for (const { recipient, pod } of handoffRecipients(pods, ctx.config.admins)) {
      const message = renderFirstTimerHandoff({ kind, login: item.authorLogin, repo: item.repo, number: item.number, title: item.title, url: item.url, pod });
      jobs.push({ key: handoffKey(item.repo, item.authorLogin, kind, recipient), target: 'slack', method: 'chat.postMessage', payload: { channel: recipient, ...message } });
    }
  }

  let mentioned: string[] = [];
  try {
    await ctx.db.$transaction(async (tx) => {
      // Pods mentioned since the plan was read (a `labeled` delivery racing this one) are left to that comment.
      const claim =
        plan?.kind === 'mention' ? await claimMentionsIn(tx, { target: mentionedItem, mentions: plan.mentions, now: ctx.clock.now() }) : { mentions: [], jobs: [] };
      const body =
        kind === 'first-merged-pr'
          ? renderFirstMergeComment(config, { login: item.authorLogin, pods })
          : renderFirstContributionComment(config, {
              kind: item.kind,
              login: item.authorLogin,
              pods,
              // With mentions off or opted out the welcome still names the pods, as a welcome; when every matching
              // pod was already mentioned on this issue, it names none rather than repeat that comment.
              ...(plan?.kind === 'mention' || plan?.reason === 'nothing-new' ? { mentions: claim.mentions } : {}),
            });
      const comment: OutboxJobInput = {
        key: githubWelcomeKey(item.repo, item.authorLogin, kind),
        target: 'github',
        method: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        payload: { ...target, body },
      };
      if ((await ctx.outbox.enqueue(comment, tx)) === 0) throw new AlreadyWelcomed();
      await ctx.outbox.enqueue([...jobs, ...claim.jobs], tx);
      const podEvents = pods.map((pod) => ({ podId: pod.id, kind: 'first-timer', actor: item.authorLogin, detail: { repo: item.repo, number: item.number, welcome: kind, url: item.url } }));
      if (podEvents.length) await tx.podEvent.createMany({ data: podEvents });
      mentioned = claim.mentions.map((mention) => mention.pod.name);
    });
  } catch (error) {
    if (error instanceof AlreadyWelcomed) return 'already-welcomed';
    throw error;
  }
  ctx.outbox.kick();
  ctx.log.info({ repo: item.repo, number: item.number, login: item.authorLogin, kind, pods: pods.map((p) => p.name), mentioned }, 'welcome: first-timer');
  return 'welcomed';
}

/** The advocates of the matching pods (each once, with the first pod they advocate for), or every admin if none. */
function handoffRecipients(pods: readonly { displayName: string; advocates: { slackId: string }[] }[], admins: readonly string[]) {
  const out = new Map<string, { displayName: string } | undefined>();
  for (const pod of pods) for (const advocate of pod.advocates) if (!out.has(advocate.slackId)) out.set(advocate.slackId, { displayName: pod.displayName });
  if (out.size === 0) for (const admin of admins) out.set(admin, undefined);
  return [...out].map(([recipient, pod]) => ({ recipient, pod }));
}
