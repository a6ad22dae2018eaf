import type { AppContext } from '../context';
import { findFirstResponses, responseKey } from '../ledger';
import { responseDeadlines } from './core/response-deadlines';
import { listOpenWatchesOfPod } from './store/watches';

export interface WaitingItem {
  repo: string;
  number: number;
  kind: 'issue' | 'pr';
  title: string;
  url: string;
  authorLogin: string;
  /** The author's first issue or first PR here. */
  firstTimer: boolean;
  openedAt: Date;
  /** Milliseconds since it was opened. */
  ageMs: number;
  /** When the Pod's advocates are (or were) told. */
  nudgeAt: Date;
  /** When the admins are (or were) told. */
  escalateAt: Date;
  /** Past the first deadline. */
  overdue: boolean;
}

/**
 * The items of a Pod that still wait for a first human response, oldest first: watched, open, and not answered by
 * anyone but their author (bots do not count). Read-only; for the Pod digest, the App Home and insights.
 */
export async function listWaitingItems(ctx: Pick<AppContext, 'db' | 'config' | 'clock'>, pod: string): Promise<WaitingItem[]> {
  const settings = ctx.config.welcome.firstResponse;
  const now = ctx.clock.now();
  const watches = await listOpenWatchesOfPod(ctx.db, pod);
  const answered = await findFirstResponses(ctx.db, watches, ctx.config.bots);
  return watches
    .filter((watch) => !answered.has(responseKey(watch)))
    .map((watch) => {
      const deadlines = responseDeadlines(watch.openedAt, settings.within, settings);
      return {
        repo: watch.repo,
        number: watch.number,
        kind: watch.kind,
        title: watch.title,
        url: watch.url,
        authorLogin: watch.authorLogin,
        firstTimer: watch.firstTimer,
        openedAt: watch.openedAt,
        ageMs: now.getTime() - watch.openedAt.getTime(),
        nudgeAt: deadlines.nudgeAt,
        escalateAt: deadlines.escalateAt,
        overdue: now >= deadlines.nudgeAt,
      };
    });
}
