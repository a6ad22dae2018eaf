import { describe, expect, it } from 'vitest';
import { levelFromLedger } from '../../src/kit/contributors/level-from-ledger';

describe('levelFromLedger', () => {
  it('makes org members, owners and collaborators maintainers whatever their counts', () => {
    expect(levelFromLedger({ mergedPrs: 0, openedIssues: 0, association: 'MEMBER' })).toBe('maintainer');
    expect(levelFromLedger({ mergedPrs: 0, openedIssues: 0, association: 'OWNER' })).toBe('maintainer');
    expect(levelFromLedger({ mergedPrs: 1, openedIssues: 0, association: 'COLLABORATOR' })).toBe('maintainer');
  });

  it('makes someone with 5 merged PRs a regular, but not with 4', () => {
    expect(levelFromLedger({ mergedPrs: 5, openedIssues: 0, association: 'CONTRIBUTOR' })).toBe('regular');
    expect(levelFromLedger({ mergedPrs: 4, openedIssues: 0, association: 'CONTRIBUTOR' })).toBe('newcomer');
  });

  it('makes a steady reporter with 10 issues a regular', () => {
    expect(levelFromLedger({ mergedPrs: 0, openedIssues: 10, association: 'NONE' })).toBe('regular');
    expect(levelFromLedger({ mergedPrs: 0, openedIssues: 9, association: 'NONE' })).toBe('newcomer');
  });

  it('keeps first-timers newcomers', () => {
    expect(levelFromLedger({ mergedPrs: 0, openedIssues: 1, association: 'FIRST_TIME_CONTRIBUTOR' })).toBe('newcomer');
  });
});
