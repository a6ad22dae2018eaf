import { isBot } from '../../../kit/contributors/is-bot';
import type { GatheredPr } from '../../types';

export interface UnknownAuthor {
  login: string;
  /** The author's earliest merged PR in this release: their first ever, if nothing was merged before it. */
  earliestPrNumber: number;
  earliestMergedAt: string | null;
}

export interface FirstTimersFound {
  /** login → the PR in this release that is their first merged PR in the repository. */
  firstTimers: Map<string, number>;
  /** Human authors the ledger does not know; the gatherer asks GitHub about them in one batched query. */
  unknown: UnknownAuthor[];
}

/**
 * Decides who is a first-time contributor from what the contribution ledger knows.
 *
 * `ledgerFirstPrs` maps a login (any case) to the number of their earliest merged PR in this repository.
 * A PR author is a first-timer when that PR is one of theirs in this release. "First contribution" is
 * PR-based, as in GitHub's generated release notes; co-authors are not first-timers by this rule.
 */
export function findFirstTimers(
  prs: readonly GatheredPr[],
  ledgerFirstPrs: ReadonlyMap<string, number>,
  extraBots: readonly string[] = [],
): FirstTimersFound {
  const ledger = new Map([...ledgerFirstPrs].map(([login, pr]) => [login.toLowerCase(), pr]));
  const byAuthor = new Map<string, { login: string; prs: GatheredPr[] }>();
  for (const pr of prs) {
    if (!pr.authorLogin || isBot(pr.authorLogin, extraBots)) continue;
    const key = pr.authorLogin.toLowerCase();
    const entry = byAuthor.get(key) ?? { login: pr.authorLogin, prs: [] };
    entry.prs.push(pr);
    byAuthor.set(key, entry);
  }

  const firstTimers = new Map<string, number>();
  const unknown: UnknownAuthor[] = [];
  for (const [key, { login, prs: own }] of byAuthor) {
    const known = ledger.get(key);
    if (known !== undefined) {
      if (own.some((pr) => pr.number === known)) firstTimers.set(login, known);
      continue;
    }
    const earliest = [...own].sort(byMergeOrder)[0];
    unknown.push({ login, earliestPrNumber: earliest.number, earliestMergedAt: earliest.mergedAt });
  }
  return { firstTimers, unknown };
}

function byMergeOrder(a: GatheredPr, b: GatheredPr): number {
  const byDate = (a.mergedAt ?? '').localeCompare(b.mergedAt ?? '');
  return byDate !== 0 ? byDate : a.number - b.number;
}
