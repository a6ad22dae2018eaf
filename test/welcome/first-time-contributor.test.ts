import { describe, expect, it } from 'vitest';
import { isFirstTimeContributor, type FirstTimerInput } from '../../src/kit/contributors/is-first-time-contributor';

function input(overrides: Partial<FirstTimerInput> = {}): FirstTimerInput {
  return { login: 'new-person', association: 'FIRST_TIME_CONTRIBUTOR', kind: 'pr', earlier: [], bots: [], ...overrides };
}

describe('isFirstTimeContributor', () => {
  it.each(['FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR', 'NONE'])('welcomes a %s author with no earlier contribution', (association) => {
    expect(isFirstTimeContributor(input({ association }))).toBe(true);
  });

  it.each(['MEMBER', 'OWNER', 'COLLABORATOR', 'CONTRIBUTOR'])('never welcomes a %s author on a new issue or PR', (association) => {
    expect(isFirstTimeContributor(input({ association, kind: 'issue' }))).toBe(false);
    expect(isFirstTimeContributor(input({ association, kind: 'pr' }))).toBe(false);
  });

  it('does not welcome an author whose earlier PR is in the ledger, even when GitHub says NONE', () => {
    expect(isFirstTimeContributor(input({ association: 'NONE', earlier: [{ number: 3, kind: 'pr', merged: false }] }))).toBe(false);
  });

  it('still welcomes a first PR from someone who has only opened issues', () => {
    expect(isFirstTimeContributor(input({ kind: 'pr', earlier: [{ number: 3, kind: 'issue', merged: false }] }))).toBe(true);
  });

  it('does not welcome a second issue', () => {
    expect(isFirstTimeContributor(input({ kind: 'issue', association: 'NONE', earlier: [{ number: 1, kind: 'issue', merged: false }] }))).toBe(false);
  });

  it('skips logins ending in [bot] and the configured bots, in any case', () => {
    expect(isFirstTimeContributor(input({ login: 'dependabot[bot]' }))).toBe(false);
    expect(isFirstTimeContributor(input({ login: 'K8S-CI-Robot', bots: ['k8s-ci-robot'] }))).toBe(false);
  });

  it('counts a first merged PR by a CONTRIBUTOR, since GitHub reports that association once the PR is merged', () => {
    expect(isFirstTimeContributor(input({ kind: 'merged-pr', association: 'CONTRIBUTOR', earlier: [{ number: 2, kind: 'pr', merged: false }] }))).toBe(true);
  });

  it('does not congratulate a second merged PR or a MEMBER', () => {
    expect(isFirstTimeContributor(input({ kind: 'merged-pr', association: 'CONTRIBUTOR', earlier: [{ number: 2, kind: 'pr', merged: true }] }))).toBe(false);
    expect(isFirstTimeContributor(input({ kind: 'merged-pr', association: 'MEMBER' }))).toBe(false);
  });
});
