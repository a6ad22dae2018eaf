import type { AppContext } from '../context';
import { findEarlierContributions, type SeenContribution } from '../ledger';
import { loadPodViews, matchPods } from '../pods';
import { listPrFiles } from '../kit/github/list-pr-files';
import { shouldWatch } from './core/should-watch';
import { insertWatches, markClosed, type NewWatch } from './store/watches';

/** What starting and ending a watch use from the app. */
export type WatchContext = Pick<AppContext, 'db' | 'config' | 'clock' | 'github' | 'log'>;

export type WatchOutcome = 'watching' | 'already-watching' | 'not-watched' | 'disabled';

/**
 * An issue or PR was opened:
 * 1. decide whether its first response is watched (a first-timer's, or everyone's when configured; never a bot's);
 * 2. note the Pods whose area it is (labels; a PR's changed files, listed once per delivery and shared with the
 *    welcome and pod mentions);
 * 3. insert the watch row; a redelivery finds it and changes nothing.
 */
export async function watchOpenedItem(ctx: WatchContext, item: SeenContribution, delivery: object, authorIsBot: boolean): Promise<WatchOutcome> {
  const settings = ctx.config.welcome.firstResponse;
  if (!settings.enabled) return 'disabled';
  const earlier = await findEarlierContributions(ctx.db, { repo: item.repo, login: item.authorLogin, number: item.number, before: item.openedAt });
  const candidate = { kind: item.kind, authorLogin: item.authorLogin, association: item.association, authorIsBot, earlier };
  const firstTimer = shouldWatch(candidate, { watch: 'first-timers', bots: ctx.config.bots });
  if (!firstTimer && !shouldWatch(candidate, { watch: settings.watch, bots: ctx.config.bots })) return 'not-watched';

  const [owner, repo] = item.repo.split('/');
  const changedFiles = item.kind === 'pr' && ctx.github ? (await listPrFiles(ctx.github, { owner, repo, pull_number: item.number }, { delivery })).filenames : [];
  const pods = matchPods({ labels: item.labels, changedFiles }, await loadPodViews(ctx.db, { liveOnly: true })).map((pod) => pod.name);
  const watch: NewWatch = {
    repo: item.repo,
    number: item.number,
    kind: item.kind,
    authorLogin: item.authorLogin,
    firstTimer,
    title: item.title,
    url: item.url,
    openedAt: item.openedAt,
    pods,
    source: 'webhook',
  };
  const inserted = await insertWatches(ctx.db, [watch]);
  if (inserted === 0) return 'already-watching';
  ctx.log.info({ repo: item.repo, number: item.number, author: item.authorLogin, pods }, 'newcomers: watching for a first response');
  return 'watching';
}

/** A closed (or merged) item no longer waits for an answer. */
export async function endWatchOnClose(ctx: WatchContext, item: { repo: string; number: number }): Promise<void> {
  if (await markClosed(ctx.db, item, ctx.clock.now())) ctx.log.info(item, 'newcomers: item closed; first-response watch ended');
}
