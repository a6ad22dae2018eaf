import type { PrismaClient } from '../generated/prisma/client';
import { isBot } from '../kit/contributors/is-bot';
import type { SeenResponse } from './core/read-response';

type Db = Pick<PrismaClient, 'itemResponse'>;

/**
 * Records a response unless it is the item's author's own. Bots are recorded (the readers leave them out with the
 * `bots` list of the day, so changing that list needs no rewrite). GitHub's id is unique: a redelivery is a no-op.
 * Returns whether a row was written.
 */
export async function recordResponse(db: Db, response: SeenResponse): Promise<boolean> {
  if (response.responderLogin.toLowerCase() === response.itemAuthorLogin.toLowerCase()) return false;
  const { count } = await db.itemResponse.createMany({
    data: [
      {
        repo: response.repo,
        number: response.number,
        responderLogin: response.responderLogin,
        responderLoginLower: response.responderLogin.toLowerCase(),
        kind: response.kind,
        respondedAt: response.respondedAt,
        githubId: response.githubId,
      },
    ],
    skipDuplicates: true,
  });
  return count > 0;
}

export interface ItemRef {
  repo: string;
  number: number;
  /** The item's author: their own comments are not responses. */
  authorLogin: string;
}

export interface FirstResponse {
  login: string;
  at: Date;
  kind: string;
}

/**
 * The earliest response by a human other than the author on each item (key `repo#number`); items nobody answered
 * are absent. One query for the whole list.
 */
export async function findFirstResponses(db: Db, items: readonly ItemRef[], bots: readonly string[]): Promise<Map<string, FirstResponse>> {
  const found = new Map<string, FirstResponse>();
  if (items.length === 0) return found;
  const authors = new Map(items.map((item) => [responseKey(item), item.authorLogin.toLowerCase()]));
  const rows = await db.itemResponse.findMany({
    where: { OR: items.map((item) => ({ repo: item.repo, number: item.number })) },
    orderBy: [{ respondedAt: 'asc' }, { id: 'asc' }],
    select: { repo: true, number: true, responderLogin: true, responderLoginLower: true, respondedAt: true, kind: true },
  });
  for (const row of rows) {
    const key = responseKey(row);
    if (found.has(key) || row.responderLoginLower === authors.get(key) || isBot(row.responderLogin, bots)) continue;
    found.set(key, { login: row.responderLogin, at: row.respondedAt, kind: row.kind });
  }
  return found;
}

/** How findFirstResponses keys its answer. */
export function responseKey(item: { repo: string; number: number }): string {
  return `${item.repo}#${item.number}`;
}
