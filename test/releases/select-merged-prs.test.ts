import { describe, expect, it } from 'vitest';
import type { CompareCommit, GqlPr } from '../../src/releases/core/gather/github-shapes';
import { selectMergedPrs } from '../../src/releases/core/gather/select-merged-prs';

function aGqlPr(over: Partial<GqlPr> & { number: number }): GqlPr {
  return {
    title: `PR ${over.number}`,
    url: `https://github.com/acme/rocket/pull/${over.number}`,
    body: null,
    merged: true,
    mergedAt: '2025-01-01T00:00:00Z',
    mergeCommit: null,
    author: { __typename: 'User', login: 'alice' },
    labels: { nodes: [] },
    files: { nodes: [] },
    commits: { nodes: [] },
    ...over,
  };
}

function aCompareCommit(sha: string, message: string, login: string | null = null): CompareCommit {
  return { sha, parents: [{ sha: 'p' }], commit: { message, author: { name: 'N', email: 'n@example.com' } }, author: login ? { login } : null };
}

describe('selectMergedPrs', () => {
  it('keeps a merge subject\'s number only when GitHub says that commit merged it', () => {
    const prs = selectMergedPrs(
      { matches: [{ sha: 'm1', number: 1, via: 'merge' }, { sha: 'm2', number: 2, via: 'merge' }], leftoverShas: [] },
      { byNumber: new Map([[1, aGqlPr({ number: 1, mergeCommit: { oid: 'm1' } })], [2, aGqlPr({ number: 2, mergeCommit: { oid: 'other' } })]]), byCommit: new Map() },
      [aCompareCommit('m1', 'Merge pull request #1 from a/b'), aCompareCommit('m2', 'Merge pull request #2 from c/d')],
    );
    expect(prs.map((p) => p.number)).toEqual([1]);
  });

  it('drops unmerged PRs, counts each PR once and adds the squash commit from the range with its trailers', () => {
    const squash = aCompareCommit('s1', 'Fix (#3)\n\nCo-authored-by: Bob <bob@example.com>', 'alice');
    const prs = selectMergedPrs(
      { matches: [{ sha: 's1', number: 3, via: 'squash' }, { sha: 's2', number: 4, via: 'squash' }], leftoverShas: ['r1', 'gone'] },
      {
        byNumber: new Map([[3, aGqlPr({ number: 3 })], [4, aGqlPr({ number: 4, merged: false })]]),
        byCommit: new Map([['r1', aGqlPr({ number: 3 })], ['gone', aGqlPr({ number: 5 })]]),
      },
      [squash, aCompareCommit('s2', 'Other (#4)'), aCompareCommit('r1', 'rebased')],
    );
    expect(prs.map((p) => p.number)).toEqual([3]);
    expect(prs[0].commits).toEqual([{ sha: 's1', message: squash.commit.message, authorName: 'N', authorEmail: 'n@example.com', authorLogin: 'alice' }]);
  });

  it('credits a rebase-merged PR through its associated commit, and bots with their [bot] suffix', () => {
    const prs = selectMergedPrs(
      { matches: [], leftoverShas: ['r1'] },
      { byNumber: new Map(), byCommit: new Map([['r1', aGqlPr({ number: 7, author: { __typename: 'Bot', login: 'dependabot' } })]]) },
      [aCompareCommit('r1', 'Bump x')],
    );
    expect(prs.map((p) => [p.number, p.authorLogin])).toEqual([[7, 'dependabot[bot]']]);
  });
});
