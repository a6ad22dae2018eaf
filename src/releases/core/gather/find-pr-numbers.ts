import type { RangeCommit } from '../../types';

export interface PrMatch {
  sha: string;
  number: number;
  /**
   * `merge`: GitHub's merge-commit subject. The number may belong to another repository (a fork-internal PR
   * that later arrived inside an upstream PR), so the gatherer keeps it only if GitHub says this very commit
   * is that PR's merge commit.
   * `squash`: a first-parent commit whose subject ends in `(#N)`, as GitHub writes squash merges.
   */
  via: 'merge' | 'squash';
}

export interface PrNumbersFound {
  matches: PrMatch[];
  /** Distinct PR numbers in order of first appearance. */
  numbers: number[];
  /**
   * First-parent commits that name no PR: rebase merges (or direct pushes). Only these need the
   * commit-to-PR association lookup; commits on side branches belong to a PR already found by its merge.
   */
  leftoverShas: string[];
}

// https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/incorporating-changes-from-a-pull-request/about-pull-request-merges
const MERGE_SUBJECT = /^Merge pull request #(\d+) from \S+/;
const SQUASH_SUBJECT = /\(#(\d+)\)\s*$/;

/**
 * Finds the PRs named by the commits of a `previous...tag` range.
 *
 * Squash subjects are only trusted on the tag's first-parent chain: a `(#N)` inside a PR branch usually
 * points at a PR of a fork or of another repository.
 */
export function findPrNumbers(commits: readonly RangeCommit[]): PrNumbersFound {
  const firstParent = findFirstParentChain(commits);
  const matches: PrMatch[] = [];
  const leftoverShas: string[] = [];

  for (const commit of commits) {
    const subject = commit.message.split('\n', 1)[0].trim();
    const merge = MERGE_SUBJECT.exec(subject);
    if (merge && commit.parents.length >= 2) {
      matches.push({ sha: commit.sha, number: Number(merge[1]), via: 'merge' });
      continue;
    }
    if (!firstParent.has(commit.sha)) continue;
    const squash = commit.parents.length < 2 ? SQUASH_SUBJECT.exec(subject) : null;
    if (squash) {
      matches.push({ sha: commit.sha, number: Number(squash[1]), via: 'squash' });
    } else {
      leftoverShas.push(commit.sha);
    }
  }

  const numbers = [...new Set(matches.map((m) => m.number))];
  return { matches, numbers, leftoverShas };
}

/**
 * The tag's first-parent chain inside the range. The head is the commit no other range commit names as a
 * parent; if the list has several (it should not), the last listed wins, since GitHub lists the head last.
 */
function findFirstParentChain(commits: readonly RangeCommit[]): Set<string> {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const referenced = new Set(commits.flatMap((c) => c.parents));
  const heads = commits.filter((c) => !referenced.has(c.sha));
  const chain = new Set<string>();
  let current = heads.at(-1);
  while (current && !chain.has(current.sha)) {
    chain.add(current.sha);
    const parent = current.parents[0];
    current = parent === undefined ? undefined : bySha.get(parent);
  }
  return chain;
}
