import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GatheredPr, PrCommit, RangeCommit } from '../../src/releases/types';

/** The parts of a release-history range file (see test/fixtures/release-history/README.md) the tests read. */
interface FixtureCommit {
  sha: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}
interface FixturePr {
  number: number;
  title: string;
  author_login: string | null;
  merge_method: 'merge_commit' | 'squash';
  merge_commit_sha: string;
  merged_at: string;
  commits: string[];
}
export interface ReleaseFixture {
  repo: string;
  previous_tag: string;
  tag: string;
  commits: FixtureCommit[];
  pr_commits_outside_range: FixtureCommit[];
  pull_requests: FixturePr[];
}

export function loadReleaseFixture(file: string): ReleaseFixture {
  const path = fileURLToPath(new URL(`../fixtures/release-history/${file}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ReleaseFixture;
}

/** The range's commits as the compare API lists them. */
export function rangeCommitsOf(fixture: ReleaseFixture): RangeCommit[] {
  return fixture.commits.map((c) => ({ sha: c.sha, parents: c.parents, message: c.message }));
}

/**
 * The range's PRs shaped like the gatherer's output: the PR's own commits plus its merge (or squash) commit.
 * The recorded commits carry no GitHub login, labels or file lists, so those stay empty.
 */
export function gatheredPrsOf(fixture: ReleaseFixture): GatheredPr[] {
  const [owner, repo] = fixture.repo.split('/');
  const bySha = new Map([...fixture.commits, ...fixture.pr_commits_outside_range].map((c) => [c.sha, c]));
  return fixture.pull_requests.map((pr) => ({
    number: pr.number,
    title: pr.title,
    url: `https://github.com/${owner}/${repo}/pull/${pr.number}`,
    authorLogin: pr.author_login,
    body: '',
    labels: [],
    files: [],
    mergedAt: pr.merged_at,
    commits: [...pr.commits, pr.merge_commit_sha]
      .map((sha) => bySha.get(sha))
      .filter((c): c is FixtureCommit => c !== undefined)
      .map(
        (c): PrCommit => ({
          sha: c.sha,
          message: c.message,
          authorName: c.author.name,
          authorEmail: c.author.email,
          authorLogin: null,
        }),
      ),
  }));
}
