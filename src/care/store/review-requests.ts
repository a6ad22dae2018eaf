import type { ReviewerCandidate } from '../core/choose-reviewers';
import type { Db } from './db';

/** A person who could review for a pod: a member or advocate with a linked GitHub login. */
export interface PodPerson {
  slackId: string;
  login: string;
  /** When they joined the pod (advocates: undefined). */
  joinedAt?: Date;
}

/**
 * What the reviewer choice weighs for each person, in one statement: open review requests (podbot's and people's),
 * podbot's last request, latest activity (issue or PR opened, comment or review) and whether they are busy now.
 */
export async function loadReviewerCandidates(db: Db, people: readonly PodPerson[], now: Date): Promise<ReviewerCandidate[]> {
  if (people.length === 0) return [];
  const logins = [...new Set(people.map((person) => person.login.toLowerCase()))];
  const rows = await db.$queryRaw<{ login: string; open: unknown; lastRequested: Date | null; lastAuthored: Date | null; lastResponded: Date | null }[]>`
    SELECT l.login,
      (SELECT count(*) FROM "CareReviewRequest" r WHERE r."reviewerLoginLower" = l.login AND r."closedAt" IS NULL) AS open,
      (SELECT max(r."requestedAt") FROM "CareReviewRequest" r WHERE r."reviewerLoginLower" = l.login AND r."podName" IS NOT NULL) AS "lastRequested",
      (SELECT max(e."openedAt") FROM "LedgerEntry" e WHERE e."authorLoginLower" = l.login) AS "lastAuthored",
      (SELECT max(i."respondedAt") FROM "ItemResponse" i WHERE i."responderLoginLower" = l.login) AS "lastResponded"
    FROM unnest(${logins}::text[]) AS l(login)`;
  const busyRows = await db.careBusy.findMany({ where: { slackUserId: { in: people.map((person) => person.slackId) } } });
  const busy = new Set(busyRows.filter((row) => row.until === null || row.until.getTime() > now.getTime()).map((row) => row.slackUserId));
  const byLogin = new Map(rows.map((row) => [row.login, row]));
  return people.map((person) => {
    const row = byLogin.get(person.login.toLowerCase());
    const activity = [row?.lastAuthored, row?.lastResponded, person.joinedAt].filter((date): date is Date => date instanceof Date || typeof date === 'string').map((date) => new Date(date));
    const lastActiveAt = activity.length > 0 ? new Date(Math.max(...activity.map((date) => date.getTime()))) : undefined;
    return {
      login: person.login,
      openReviews: Number(row?.open ?? 0),
      ...(row?.lastRequested ? { lastRequestedAt: new Date(row.lastRequested) } : {}),
      ...(lastActiveAt ? { lastActiveAt } : {}),
      busy: busy.has(person.slackId),
    };
  });
}

/** podbot already requested reviewers on this PR (for some pod). */
export async function hasRoutedReviewers(db: Db, repo: string, number: number): Promise<boolean> {
  return (await db.careReviewRequest.count({ where: { repo, number, podName: { not: null } } })) > 0;
}

/** Records review requests; a request already recorded (a redelivery, or a person asked by someone else) is kept as it is. */
export async function recordReviewRequests(
  db: Db,
  requests: readonly { repo: string; number: number; login: string; podName: string | null; requestedAt: Date }[],
): Promise<void> {
  if (requests.length === 0) return;
  await db.careReviewRequest.createMany({
    data: requests.map((request) => ({
      repo: request.repo,
      number: request.number,
      reviewerLogin: request.login,
      reviewerLoginLower: request.login.toLowerCase(),
      podName: request.podName,
      requestedAt: request.requestedAt,
    })),
    skipDuplicates: true,
  });
}

/** A request is done: reviewed, removed, or its PR closed (`login` undefined: every request on the PR). */
export async function closeReviewRequests(db: Db, request: { repo: string; number: number; login?: string; at: Date }): Promise<number> {
  const result = await db.careReviewRequest.updateMany({
    where: { repo: request.repo, number: request.number, closedAt: null, ...(request.login ? { reviewerLoginLower: request.login.toLowerCase() } : {}) },
    data: { closedAt: request.at },
  });
  return result.count;
}

/** A request made again after it was done (requested again after a review) opens it again. */
export async function reopenReviewRequest(db: Db, request: { repo: string; number: number; login: string; at: Date }): Promise<void> {
  await db.careReviewRequest.updateMany({
    where: { repo: request.repo, number: request.number, reviewerLoginLower: request.login.toLowerCase(), closedAt: { not: null } },
    data: { closedAt: null, requestedAt: request.at },
  });
}
