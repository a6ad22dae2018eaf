import { describe, expect, it } from 'vitest';
import { choosePodFor } from '../../src/pods/core/join/choose-pod-for';
import { aMember, aPod, members } from './builders';

// Three pods with stated levels:
//   docs: 1 newcomer + 5 regulars = 6 members
//   cli:  2 newcomers + 1 regular = 3 members
//   api:  3 newcomers + 1 maintainer = 4 members
const docs = aPod({ name: 'docs', displayName: 'Docs', labels: ['area/docs'], area: 'Documentation and tutorials', members: [...members(1, 'newcomer'), ...members(5, 'regular')] });
const cli = aPod({ name: 'cli', displayName: 'CLI', labels: ['area/cli'], area: 'The command line tool', members: [...members(2, 'newcomer'), ...members(1, 'regular')] });
const api = aPod({ name: 'api', displayName: 'API', labels: ['area/api'], area: 'The HTTP API and its documentation', members: [...members(3, 'newcomer'), ...members(1, 'maintainer')] });
const pods = [docs, cli, api];

describe('choosePodFor', () => {
  it('puts a newcomer where there are fewest newcomers, even if that pod is the biggest', () => {
    expect(choosePodFor({ level: 'newcomer', pods })).toEqual({
      ok: true,
      pod: docs,
      reason: 'docs has 1 newcomer of 6 members, the fewest newcomers among 3 open pods.',
    });
  });

  it('puts a regular where there are fewest regulars', () => {
    // docs has 5 regulars, cli 1, api 0.
    expect(choosePodFor({ level: 'regular', pods })).toEqual({
      ok: true,
      pod: api,
      reason: 'api has 0 regulars of 4 members, the fewest regulars among 3 open pods.',
    });
  });

  it('breaks a tie on level by size and says so', () => {
    // docs and cli have no maintainer; cli (3) is smaller than docs (6).
    expect(choosePodFor({ level: 'maintainer', pods })).toEqual({
      ok: true,
      pod: cli,
      reason: 'cli has 0 maintainers of 3 members; 2 of the 3 open pods have 0 maintainers, and cli is the smallest of them.',
    });
  });

  it('breaks a full tie by name', () => {
    const b = aPod({ name: 'beta', members: members(2, 'regular') });
    const a = aPod({ name: 'alpha', members: members(2, 'regular') });
    expect(choosePodFor({ level: 'newcomer', pods: [b, a] })).toEqual({
      ok: true,
      pod: a,
      reason: 'alpha has 0 newcomers of 2 members; 2 of the 2 open pods have 0 newcomers and 2 members, and alpha comes first by name.',
    });
  });

  it('only considers pods matching the interests, by name, label or area word', () => {
    // "documentation" is a word of the docs and api areas; cli does not mention it.
    expect(choosePodFor({ level: 'newcomer', interests: ['documentation'], pods })).toEqual({
      ok: true,
      pod: docs,
      reason: 'docs has 1 newcomer of 6 members, the fewest newcomers among 2 open pods matching documentation.',
    });
    expect(choosePodFor({ level: 'newcomer', interests: ['CLI'], pods })).toEqual({
      ok: true,
      pod: cli,
      reason: 'cli is the only open pod matching CLI; it has 2 newcomers of 3 members.',
    });
  });

  it('matches interests against label parts and plurals', () => {
    const result = choosePodFor({ level: 'newcomer', interests: ['api'], pods: [docs, cli, api] });
    expect(result.ok && result.pod.name).toBe('api');
    const tutorials = choosePodFor({ level: 'newcomer', interests: ['tutorial'], pods });
    expect(tutorials.ok && tutorials.pod.name).toBe('docs');
  });

  it('skips full and archived pods and pods the joiner is already in', () => {
    const fullDocs = { ...docs, capacity: 6 };
    const archivedApi = { ...api, archived: true };
    const withMe = { ...cli, members: [...cli.members, aMember({ slackId: 'UME' })] };
    expect(choosePodFor({ level: 'newcomer', pods: [fullDocs, archivedApi, withMe], joinerSlackId: 'UME' })).toEqual({
      ok: false,
      reason: 'none-open',
      message: 'Every pod is full or already has you. Try `/join-pod` to see them all, or ask an advocate.',
    });
  });

  it('says which pods exist when no pod matches the interests', () => {
    expect(choosePodFor({ level: 'newcomer', interests: ['security'], pods })).toEqual({
      ok: false,
      reason: 'no-match',
      message: 'No pod matches security. The pods are `docs`, `cli`, `api`; try `/join-pod auto` or pick one with `/join-pod`.',
    });
  });

  it('gives the same answer whatever the order of the pods', () => {
    const forward = choosePodFor({ level: 'maintainer', pods: [docs, cli, api] });
    const backward = choosePodFor({ level: 'maintainer', pods: [api, cli, docs] });
    expect(forward.ok && forward.pod.name).toBe('cli');
    expect(backward.ok && backward.pod.name).toBe('cli');
  });
});
