import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordContributions } from '../../src/ledger/ledger-store';
import type { Contribution } from '../../src/ledger/types';
import { freshDatabase, type TestDatabase } from '../support/database';

function aContribution(overrides: Partial<Contribution> = {}): Contribution {
  return {
    repo: 'o/r',
    number: 1,
    kind: 'pr',
    authorLogin: 'Octocat',
    association: 'NONE',
    openedAt: new Date('2025-03-01T10:20:30.456Z'),
    merged: false,
    ...overrides,
  };
}

describe('ledger: recording contributions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db?.destroy());

  const entry = (number: number) => db.prisma.ledgerEntry.findUniqueOrThrow({ where: { repo_number: { repo: 'o/r', number } } });

  it('stores an entry with its times as given, and the login lower-cased for lookups', async () => {
    await recordContributions(db.prisma, [aContribution({ number: 1, merged: true, mergedAt: new Date('2025-03-02T00:00:00.001Z') })]);
    expect(await entry(1)).toMatchObject({
      kind: 'pr',
      authorLogin: 'Octocat',
      authorLoginLower: 'octocat',
      openedAt: new Date('2025-03-01T10:20:30.456Z'),
      merged: true,
      mergedAt: new Date('2025-03-02T00:00:00.001Z'),
    });
  });

  it('never undoes a merge when an older payload arrives later, but takes the new association', async () => {
    await recordContributions(db.prisma, [aContribution({ number: 1, association: 'CONTRIBUTOR', merged: false })]);
    expect(await entry(1)).toMatchObject({ association: 'CONTRIBUTOR', merged: true, mergedAt: new Date('2025-03-02T00:00:00.001Z') });
  });

  it('writes a page that names the same item twice, keeping the merge', async () => {
    await recordContributions(db.prisma, [
      aContribution({ number: 2, merged: true, mergedAt: new Date('2025-04-01T00:00:00Z') }),
      aContribution({ number: 3, kind: 'issue' }),
      aContribution({ number: 2, association: 'MEMBER' }),
    ]);
    expect(await entry(2)).toMatchObject({ association: 'MEMBER', merged: true, mergedAt: new Date('2025-04-01T00:00:00Z') });
    expect(await entry(3)).toMatchObject({ kind: 'issue', merged: false, mergedAt: null });
  });
});
