import type { RangeCommit } from '../../types';
import type { CompareCommit } from './github-shapes';

export interface RangeCommits {
  commits: RangeCommit[];
  /** Commit e-mail (lower-case) → login, from the commit authors GitHub matched to an account. */
  knownEmails: Map<string, string>;
}

/** The compare API's commits reduced to what PR discovery needs, and the e-mails they tie to logins. */
export function readRangeCommits(compareCommits: readonly CompareCommit[]): RangeCommits {
  const knownEmails = new Map<string, string>();
  for (const c of compareCommits) {
    const email = c.commit.author?.email;
    if (email && c.author?.login) knownEmails.set(email.toLowerCase(), c.author.login);
  }
  return {
    commits: compareCommits.map((c) => ({ sha: c.sha, parents: c.parents.map((p) => p.sha), message: c.commit.message })),
    knownEmails,
  };
}
