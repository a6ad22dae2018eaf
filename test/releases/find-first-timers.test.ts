import { describe, expect, it } from 'vitest';
import { findFirstTimers } from '../../src/releases/core/gather/find-first-timers';
import type { GatheredPr } from '../../src/releases/types';
import { gatheredPrsOf, loadReleaseFixture } from './load-release-fixture';

const pr = (number: number, authorLogin: string, mergedAt: string): GatheredPr => ({
  number,
  title: `PR ${number}`,
  url: `https://github.com/o/r/pull/${number}`,
  authorLogin,
  body: '',
  labels: [],
  files: [],
  mergedAt,
  commits: [],
});

describe('findFirstTimers', () => {
  it('answers from the ledger, case-insensitively, and lists the authors it does not know', () => {
    const prs = [
      pr(12, 'Alice', '2024-01-02T00:00:00Z'),
      pr(14, 'bob', '2024-01-03T00:00:00Z'),
      pr(15, 'carol', '2024-01-05T00:00:00Z'),
      pr(13, 'carol', '2024-01-04T00:00:00Z'),
      pr(16, 'dependabot[bot]', '2024-01-04T00:00:00Z'),
    ];
    const ledger = new Map([
      ['alice', 12],
      ['Bob', 3],
    ]);
    const found = findFirstTimers(prs, ledger);
    expect([...found.firstTimers]).toEqual([['Alice', 12]]);
    expect(found.unknown).toEqual([{ login: 'carol', earliestPrNumber: 13, earliestMergedAt: '2024-01-04T00:00:00Z' }]);
  });

  it('finds the first-timers of kind v0.30.0…v0.31.0 and not afbjorklund, whose second PR is in it', () => {
    const prs = gatheredPrsOf(loadReleaseFixture('kubernetes-sigs__kind__v0.30.0__v0.31.0.json'));
    // earliest merged PR per author, read off kubernetes-sigs/kind's history
    const ledger = new Map([
      ['adambkaplan', 4022],
      ['afbjorklund', 1639],
      ['AkihiroSuda', 1948],
      ['AnjaliMishra1st', 3994],
      ['aoxn', 4073],
      ['BenTheElder', 1],
      ['kalexmills', 4009],
      ['kishen-v', 4004],
      ['mikejoh', 4011],
      ['rayowang', 4043],
      ['shahar1', 4016],
      ['stmcginnis', 2391],
    ]);
    const found = findFirstTimers(prs, ledger);
    expect(Object.fromEntries(found.firstTimers)).toEqual({
      mikejoh: 4011,
      shahar1: 4016,
      AnjaliMishra1st: 3994,
      kalexmills: 4009,
      'kishen-v': 4004,
      rayowang: 4043,
      adambkaplan: 4022,
      aoxn: 4073,
    });
    expect(found.unknown).toEqual([]);
  });
});
