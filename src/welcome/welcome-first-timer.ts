import type { AppContext } from '../context';
import { findEarlierContributions, type SeenContribution } from '../ledger';
import { loadPodViews, matchPods } from '../pods';
import type { OutboxJobInput } from '../outbox/types';
import { isFirstTimeContributor } from '../kit/contributors/is-first-time-contributor';
import { listPrFiles } from '../kit/github/list-pr-files';
import { renderFirstContributionComment, renderFirstMergeComment } from './core/render-github-welcome';
import { renderFirstTimerHandoff } from './core/render-first-timer-handoff';
import { githubWelcomeKey, githubWelcomeLabelKey, handoffKey, type GitHubWelcomeKind } from './core/welcome-keys';

export type WelcomeOutcome = 'welcomed' | 'already-welcomed' | 'not-a-first-timer' | 'disabled';

const KIND_OF: Record<GitHubWelcomeKind, 'issue' | 'pr' | 'merged-pr'> = { 'first-issue': 'issue', 'first-pr': 'pr', 'first-merged-pr': 'merged-pr' };

/**
 * The GitHub welcome, as a pipeline:
 * 1. decide from the payload and the ledger whether this is the author's first of its kind here;
 * 2. find the matching pods (labels; changed files for PRs);
 * 3. enqueue the comment, the label and the hand-off DMs in one transaction, keyed per person, repository and kind,
 *    so redeliveries and concurrent first contributions produce one welcome;
 * 4. note the first-timer in each matching pod's activity, only when the welcome was new.
 *
 * `delivery` is the webhook payload at hand: the PR's files are listed once per delivery, shared with pod mentions.
 */
export async function welcomeFirstTimer(ctx: AppContext, item: SeenContribution, kind: GitHubWelcomeKind, delivery?: object): Promise<WelcomeOutcome> {
  const config = ctx.config.welcome;
  if (!config.github.enabled) return 'disabled';
  const earlier = await findEarlierContributions(ctx.db, { repo: item.repo, login: item.authorLogin, number: item.number, before: item.openedAt });
  if (!isFirstTimeContributor({ login: item.authorLogin, association: item.association, kind: KIND_OF[kind], earlier, bots: ctx.config.bots })) {
    return 'not-a-first-timer';
  }

  const [owner, repo] = item.repo.split('/');
  const changedFiles = item.kind === 'pr' && ctx.github ? (await listPrFiles(ctx.github, { owner, repo, pull_number: item.number }, { delivery })).filenames : [];
  const pods = matchPods({ labels: item.labels, changedFiles }, await loadPodViews(ctx.db, { liveOnly: true }));

  const body =
    kind === 'first-merged-pr'
      ? renderFirstMergeComment(config, { login: item.authorLogin, pods })
      : renderFirstContributionComment(config, { kind: item.kind, login: item.authorLogin, pods });
  const target = { owner, repo, issue_number: item.number };
  const jobs: OutboxJobInput[] = [
    { key: githubWelcomeKey(item.repo, item.authorLogin, kind), target: 'github', method: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', payload: { ...target, body } },
  ];
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

  const created = await ctx.db.$transaction(async (tx) => {
    const count = await ctx.outbox.enqueue(jobs, tx);
    if (count > 0) {
      const podEvents = pods.map((pod) => ({ podId: pod.id, kind: 'first-timer', actor: item.authorLogin, detail: { repo: item.repo, number: item.number, welcome: kind, url: item.url } }));
      if (podEvents.length) await tx.podEvent.createMany({ data: podEvents });
    }
    return count;
  });
  ctx.outbox.kick();
  ctx.log.info({ repo: item.repo, number: item.number, login: item.authorLogin, kind, pods: pods.map((p) => p.name), created }, 'welcome: first-timer');
  return created > 0 ? 'welcomed' : 'already-welcomed';
}

/** The advocates of the matching pods (each once, with the first pod they advocate for), or every admin if none. */
function handoffRecipients(pods: readonly { displayName: string; advocates: { slackId: string }[] }[], admins: readonly string[]) {
  const out = new Map<string, { displayName: string } | undefined>();
  for (const pod of pods) for (const advocate of pod.advocates) if (!out.has(advocate.slackId)) out.set(advocate.slackId, { displayName: pod.displayName });
  if (out.size === 0) for (const admin of admins) out.set(admin, undefined);
  return [...out].map(([recipient, pod]) => ({ recipient, pod }));
}
