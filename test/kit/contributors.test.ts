import { describe, expect, it } from 'vitest';
import { ASSOCIATION_RANK, associationRank } from '../../src/kit/contributors/association-rank';
import { levelFromLedger, summarizeLedger } from '../../src/kit/contributors/level-from-ledger';

describe('the contributor kernel', () => {
  it('ranks associations strongest first, case-insensitively, unknown ones last', () => {
    expect(ASSOCIATION_RANK[0]).toBe('OWNER');
    expect(associationRank('member')).toBeLessThan(associationRank('CONTRIBUTOR'));
    expect(associationRank('SOMETHING_NEW')).toBeGreaterThan(associationRank('NONE'));
  });

  it('summarizes grouped rows exactly as the rows one by one', () => {
    const one = { kind: 'pr', merged: true, association: 'contributor' };
    const rows = [...Array.from({ length: 5 }, () => one), { kind: 'issue', merged: false, association: 'NONE' }];
    const grouped = [{ ...one, count: 5 }, { kind: 'issue', merged: false, association: 'NONE', count: 1 }];
    expect(summarizeLedger(grouped)).toEqual(summarizeLedger(rows));
    expect(summarizeLedger(grouped)).toEqual({ mergedPrs: 5, openedIssues: 1, association: 'CONTRIBUTOR' });
    expect(levelFromLedger(summarizeLedger(grouped))).toBe('regular');
  });

  it('knows nobody from an empty ledger', () => {
    expect(summarizeLedger([])).toEqual({ mergedPrs: 0, openedIssues: 0, association: 'NONE' });
    expect(levelFromLedger(summarizeLedger([]))).toBe('newcomer');
  });
});
