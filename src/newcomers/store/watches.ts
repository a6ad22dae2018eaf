import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { WatchStep } from '../core/first-response-keys';
import type { WaitingItemView } from '../core/render-waiting-item';

/** The Prisma client, or the client of an interactive transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** A watched item: what a message about it shows (WaitingItemView), the Pods it matched, and how it was found. */
export interface NewWatch extends WaitingItemView {
  pods: string[];
  source: 'webhook' | 'startup';
}

export interface StoredWatch extends Omit<NewWatch, 'source'> {
  id: number;
  nudgedAt: Date | null;
  escalatedAt: Date | null;
}

const SELECT = {
  id: true,
  repo: true,
  number: true,
  kind: true,
  authorLogin: true,
  firstTimer: true,
  title: true,
  url: true,
  openedAt: true,
  pods: true,
  nudgedAt: true,
  escalatedAt: true,
} as const;

type Row = Prisma.FirstResponseWatchGetPayload<{ select: typeof SELECT }>;

function toWatch(row: Row): StoredWatch {
  return { ...row, kind: row.kind === 'pr' ? 'pr' : 'issue' };
}

/** Starts watching items; an item already watched (a redelivery, the start-up search finding it again) is left as it is. Returns how many are new. */
export async function insertWatches(db: Db, watches: readonly NewWatch[]): Promise<number> {
  if (watches.length === 0) return 0;
  const { count } = await db.firstResponseWatch.createMany({ data: [...watches], skipDuplicates: true });
  return count;
}

/** Watches still running: nobody answered, not closed, not yet escalated. Oldest first. */
export async function listRunningWatches(db: Db): Promise<StoredWatch[]> {
  const rows = await db.firstResponseWatch.findMany({
    where: { escalatedAt: null, answeredAt: null, closedAt: null },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    select: SELECT,
  });
  return rows.map(toWatch);
}

/** Unanswered, open watches of one Pod, oldest first (escalated ones included: they still wait). */
export async function listOpenWatchesOfPod(db: Db, pod: string): Promise<StoredWatch[]> {
  const rows = await db.firstResponseWatch.findMany({
    where: { pods: { has: pod }, answeredAt: null, closedAt: null },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    select: SELECT,
  });
  return rows.map(toWatch);
}

/** The Pods a running watch has noted, or undefined when the item is not watched or its watch has ended. */
export async function findRunningWatchPods(db: Db, item: { repo: string; number: number }): Promise<string[] | undefined> {
  const row = await db.firstResponseWatch.findFirst({
    where: { repo: item.repo, number: item.number, answeredAt: null, closedAt: null },
    select: { pods: true },
  });
  return row?.pods;
}

/** Adds Pods to a watch (a label added after opening, a push that touched a Pod's paths). Returns the names added. */
export async function addWatchPods(db: Db, item: { repo: string; number: number }, pods: readonly string[]): Promise<string[]> {
  const known = await findRunningWatchPods(db, item);
  const added = known ? pods.filter((pod) => !known.includes(pod)) : [];
  if (added.length === 0) return [];
  await db.firstResponseWatch.updateMany({ where: { repo: item.repo, number: item.number }, data: { pods: { push: added } } });
  return added;
}

/** Ends a watch because someone answered at `at`. */
export async function markAnswered(db: Db, id: number, at: Date): Promise<void> {
  await db.firstResponseWatch.updateMany({ where: { id, answeredAt: null }, data: { answeredAt: at } });
}

/** Ends a watch because the item was closed. Returns whether a running watch was ended. */
export async function markClosed(db: Db, item: { repo: string; number: number }, at: Date): Promise<boolean> {
  const { count } = await db.firstResponseWatch.updateMany({ where: { repo: item.repo, number: item.number, closedAt: null }, data: { closedAt: at } });
  return count > 0;
}

/**
 * Claims a step of a running watch: sets its column only while it is unset and the watch still runs. Of two
 * replicas (or a tick and a retry) the second finds the column set and gets false.
 */
export async function claimStep(db: Db, id: number, step: WatchStep, now: Date): Promise<boolean> {
  const column = step === 'nudge' ? 'nudgedAt' : 'escalatedAt';
  const { count } = await db.firstResponseWatch.updateMany({
    where: { id, answeredAt: null, closedAt: null, [column]: null },
    data: { [column]: now },
  });
  return count === 1;
}
