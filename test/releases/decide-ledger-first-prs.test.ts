import { describe, expect, it } from 'vitest';
import { decideLedgerFirstPrs } from '../../src/releases/core/gather/decide-ledger-first-prs';

const authors = [
  { login: 'Alice', earliestPrNumber: 40, earliestMergedAt: '2025-03-01T00:00:00Z' },
  { login: 'bob', earliestPrNumber: 41, earliestMergedAt: '2025-03-02T00:00:00Z' },
  { login: 'carol', earliestPrNumber: 42, earliestMergedAt: '2025-03-03T00:00:00Z' },
  { login: 'dave', earliestPrNumber: 43, earliestMergedAt: '2025-03-04T00:00:00Z' },
];
const ledger = [
  { login: 'alice', number: 12, mergedAt: '2024-01-01T00:00:00Z' }, // earlier PR: not a first-timer
  { login: 'alice', number: 40, mergedAt: '2025-03-01T00:00:00Z' },
  { login: 'bob', number: 41, mergedAt: '2025-03-02T00:00:00Z' }, // only the release PR is known
  { login: 'carol', number: 90, mergedAt: '2025-06-01T00:00:00Z' }, // only a later PR is known
];

describe('decideLedgerFirstPrs', () => {
  it('trusts an earlier merged PR even when the ledger is incomplete, and leaves the rest to the API', () => {
    expect(decideLedgerFirstPrs(authors, ledger, { complete: false })).toEqual(new Map([['Alice', 12]]));
  });

  it('also answers first-timers once the ledger holds the whole history', () => {
    expect(decideLedgerFirstPrs(authors, ledger, { complete: true })).toEqual(new Map([['Alice', 12], ['bob', 41]]));
  });
});
