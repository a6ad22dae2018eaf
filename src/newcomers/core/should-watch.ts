import { isBot } from '../../kit/contributors/is-bot';
import { isFirstTimeContributor, type EarlierContribution } from '../../kit/contributors/is-first-time-contributor';

export interface WatchCandidate {
  kind: 'issue' | 'pr';
  authorLogin: string;
  /** `author_association` GitHub reported with the item. */
  association: string;
  /** Whether GitHub says the author is a bot account (`user.type`). */
  authorIsBot: boolean;
  /** The author's other ledger entries in the repository. */
  earlier: readonly EarlierContribution[];
}

/**
 * Whether an opened item's first response is watched: a first issue or first pull request by its author (the rule of
 * the first-timer welcome, so the two agree), or any human's item when `watch: everyone`. Bots never wait.
 */
export function shouldWatch(candidate: WatchCandidate, settings: { watch: 'first-timers' | 'everyone'; bots: readonly string[] }): boolean {
  if (candidate.authorIsBot || isBot(candidate.authorLogin, settings.bots)) return false;
  if (settings.watch === 'everyone') return true;
  return isFirstTimeContributor({ login: candidate.authorLogin, association: candidate.association, kind: candidate.kind, earlier: candidate.earlier, bots: settings.bots });
}
