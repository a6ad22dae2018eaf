import type { Credits } from '../../src/releases/types';

/** A small release with one pod, written out by hand. */
export function aSmallRelease(): Credits {
  return {
    release: { owner: 'o', repo: 'r', tag: 'v1.1.0', previousTag: 'v1.0.0' },
    contributors: [
      { handle: 'alice', isLogin: true, slackId: 'UALICE' },
      { handle: 'bob', isLogin: true, slackId: null },
      { handle: 'Erin E', isLogin: false, slackId: null },
    ],
    pods: [
      {
        name: 'docs',
        displayName: 'Docs',
        advocates: [{ slackId: 'UDANA', githubLogin: 'dana' }],
        pullRequests: [{ number: 1, title: 'Fix typo', url: 'https://github.com/o/r/pull/1', authorLogin: 'alice' }],
        contributors: [{ handle: 'alice', isLogin: true, slackId: 'UALICE' }],
      },
    ],
    everyoneElse: {
      pullRequests: [
        { number: 2, title: 'Add --json flag', url: 'https://github.com/o/r/pull/2', authorLogin: 'bob' },
        { number: 3, title: 'Bump x', url: 'https://github.com/o/r/pull/3', authorLogin: 'dependabot[bot]' },
      ],
      contributors: [
        { handle: 'bob', isLogin: true, slackId: null },
        { handle: 'Erin E', isLogin: false, slackId: null },
      ],
    },
    newContributors: [{ login: 'bob', slackId: null, prNumber: 2, prUrl: 'https://github.com/o/r/pull/2' }],
    pullRequestCount: 3,
  };
}

/** A release with `n` contributors named `contributor-0001`…, each with one PR. */
export function aBigRelease(n: number): Credits {
  const people = Array.from({ length: n }, (_, i) => `contributor-${String(i + 1).padStart(4, '0')}`);
  return {
    release: { owner: 'o', repo: 'r', tag: 'v2.0.0', previousTag: 'v1.0.0' },
    contributors: people.map((handle) => ({ handle, isLogin: true, slackId: null })),
    pods: [],
    everyoneElse: {
      pullRequests: people.map((login, i) => ({
        number: i + 1,
        title: `A change with a reasonably long title, number ${i + 1}`,
        url: `https://github.com/o/r/pull/${i + 1}`,
        authorLogin: login,
      })),
      contributors: people.map((handle) => ({ handle, isLogin: true, slackId: null })),
    },
    newContributors: people.map((login, i) => ({ login, slackId: null, prNumber: i + 1, prUrl: `https://github.com/o/r/pull/${i + 1}` })),
    pullRequestCount: n,
  };
}
