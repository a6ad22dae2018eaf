import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { findEarlierContributions, listLedgerRepositories } from '../ledger';
import { loadPodViews, matchPods, podsForRepository } from '../pods';
import { buildPickUpQuery, readSearchItem, type SearchItem } from './core/read-search-results';
import { shouldWatch } from './core/should-watch';
import { insertWatches, type NewWatch } from './store/watches';

export type PickUpContext = Pick<AppContext, 'db' | 'config' | 'clock' | 'github' | 'log'>;

export interface PickUpResult {
  repositories: number;
  searched: number;
  watched: number;
  /** Repositories whose search failed: the start-up task tries these again, and only these. */
  failed: string[];
}

/**
 * At start-up, watch the open items nobody has answered that podbot could not have seen open (they predate it, or
 * it was down), with one search request per repository:
 * 1. the repositories: `welcome.firstResponse.repositories` plus every repository the ledger knows;
 * 2. per repository, the oldest open items of the lookback window (buildPickUpQuery);
 * 3. those with no conversation comment at all, by an author the watch is for (shouldWatch, with the ledger), become
 *    watches; the Pods come from their labels. Items already watched stay as they are.
 *
 * An item with a comment is taken as answered: the search tells how many comments, not whose, and reading them would
 * cost a request per item. Reviews before podbot was installed are not visible here either (docs/newcomers.md).
 * A repository whose search fails is logged and skipped; the others go on, and it is returned in `failed` for the
 * caller to try again (`only` limits a run to those repositories).
 */
export async function pickUpOpenItems(ctx: PickUpContext, only?: readonly string[]): Promise<PickUpResult> {
  const settings = ctx.config.welcome.firstResponse;
  const result: PickUpResult = { repositories: 0, searched: 0, watched: 0, failed: [] };
  if (!settings.enabled || !ctx.github) return result;
  const repositories = only ? [...only] : [...new Set([...settings.repositories, ...(await listLedgerRepositories(ctx.db))])];
  result.repositories = repositories.length;
  const pods = await loadPodViews(ctx.db, { liveOnly: true });
  const now = ctx.clock.now();
  for (const repo of repositories) {
    let items: SearchItem[];
    try {
      const response = await ctx.github.request('GET /search/issues', buildPickUpQuery(repo, now, settings.lookbackDays));
      items = response.data.items as SearchItem[];
      if (response.data.total_count > items.length) {
        ctx.log.info({ repo, total: response.data.total_count, read: items.length }, 'newcomers: more open items than one search page; the oldest were picked up');
      }
    } catch (error) {
      ctx.log.warn({ repo, err: errorSummary(error) }, 'newcomers: start-up search failed; this repository is tried again');
      result.failed.push(repo);
      continue;
    }
    result.searched += 1;
    const watches: NewWatch[] = [];
    for (const found of items.map((item) => readSearchItem(repo, item))) {
      if (!found || found.comments > 0) continue;
      const earlier = await findEarlierContributions(ctx.db, { repo, login: found.authorLogin, number: found.number, before: found.openedAt });
      const candidate = { ...found, earlier };
      const firstTimer = shouldWatch(candidate, { watch: 'first-timers', bots: ctx.config.bots });
      if (!firstTimer && !shouldWatch(candidate, { watch: settings.watch, bots: ctx.config.bots })) continue;
      watches.push({
        repo,
        number: found.number,
        kind: found.kind,
        authorLogin: found.authorLogin,
        firstTimer,
        title: found.title,
        url: found.url,
        openedAt: found.openedAt,
        pods: matchPods({ labels: found.labels, changedFiles: [] }, podsForRepository(pods, ctx.config.pods, repo)).map((pod) => pod.name),
        source: 'startup',
      });
    }
    const inserted = await insertWatches(ctx.db, watches);
    result.watched += inserted;
    ctx.log.info({ repo, candidates: watches.length, watched: inserted }, 'newcomers: open items picked up at start-up');
  }
  return result;
}
