// Data builders for insight tests: ledger entries and responses written straight to the real database.
import type { PrismaClient } from '../../src/generated/prisma/client';

let githubId = 0;

export async function aPullRequest(
  db: PrismaClient,
  pr: { repo?: string; number: number; author: string; openedAt: string; mergedAt?: string; closedAt?: string; kind?: 'pr' | 'issue' },
): Promise<void> {
  await db.ledgerEntry.create({
    data: {
      repo: pr.repo ?? 'acme/widgets',
      number: pr.number,
      kind: pr.kind ?? 'pr',
      authorLogin: pr.author,
      authorLoginLower: pr.author.toLowerCase(),
      association: 'CONTRIBUTOR',
      openedAt: new Date(pr.openedAt),
      merged: pr.mergedAt !== undefined,
      mergedAt: pr.mergedAt ? new Date(pr.mergedAt) : null,
      // As the ledger records it: a merge closes the pull request.
      closedAt: pr.closedAt || pr.mergedAt ? new Date((pr.closedAt ?? pr.mergedAt)!) : null,
    },
  });
}

export async function aResponse(db: PrismaClient, r: { repo?: string; number: number; by: string; at: string; kind?: 'comment' | 'review' }): Promise<void> {
  await db.itemResponse.create({
    data: { repo: r.repo ?? 'acme/widgets', number: r.number, responderLogin: r.by, responderLoginLower: r.by.toLowerCase(), kind: r.kind ?? 'comment', respondedAt: new Date(r.at), githubId: `test-${++githubId}` },
  });
}
