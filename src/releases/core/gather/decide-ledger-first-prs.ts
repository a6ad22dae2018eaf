import type { UnknownAuthor } from './find-first-timers';

/** A merged PR the contribution ledger recorded. */
export interface LedgerPr {
  login: string;
  number: number;
  mergedAt: Date | string | null;
}

/**
 * Turns what the ledger holds into answers the first-timer check can trust (login → earliest merged PR).
 *
 * - An author with a merged PR in the ledger from before their earliest PR in this release is certainly not a
 *   first-timer, whatever else the ledger lacks: answer with that earlier PR.
 * - An author whose earliest ledger PR is their earliest PR in this release is a first-timer only if the ledger
 *   holds the repository's whole history (a finished backfill); a ledger filled by webhooks alone has not seen
 *   what was merged before the bot was installed, so such authors are left to the API.
 * - Authors the ledger has not seen are left to the API.
 */
export function decideLedgerFirstPrs(
  authors: readonly UnknownAuthor[],
  ledgerPrs: readonly LedgerPr[],
  { complete }: { complete: boolean },
): Map<string, number> {
  const earliest = new Map<string, { number: number; at: number }>();
  for (const pr of ledgerPrs) {
    if (pr.mergedAt === null) continue;
    const key = pr.login.toLowerCase();
    const at = new Date(pr.mergedAt).getTime();
    const known = earliest.get(key);
    if (!known || at < known.at || (at === known.at && pr.number < known.number)) earliest.set(key, { number: pr.number, at });
  }
  const answers = new Map<string, number>();
  for (const author of authors) {
    const known = earliest.get(author.login.toLowerCase());
    if (!known) continue;
    if (known.number === author.earliestPrNumber) {
      if (complete) answers.set(author.login, known.number);
      continue;
    }
    const releaseAt = author.earliestMergedAt ? Date.parse(author.earliestMergedAt) : Number.POSITIVE_INFINITY;
    if (known.at < releaseAt) answers.set(author.login, known.number);
  }
  return answers;
}
