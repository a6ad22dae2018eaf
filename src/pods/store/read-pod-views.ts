import type { PrismaClient } from '../../generated/prisma/client';
import type { PodMember } from '../core/types';
import { loadPodViews, type StoredPodView } from './load-pod-views';

/**
 * Levels come from the ledger, which the version below does not follow: a kept copy is at most this old, so a
 * member's level shown in a pod view lags a new contribution by a minute at most.
 */
const MAX_AGE_MS = 60_000;

/** A join this process committed: the views at version `to` are the views at `from` with `member` in `pod`. */
export interface KeptJoin {
  from: bigint;
  to: bigint;
  pod: string;
  /** A confirmed switch: the member left this pod in the same transaction. */
  left?: string;
  member: PodMember;
}

/** Joins kept for the next read; more than this many without a read in between, and the oldest are dropped. */
const MAX_KEPT_JOINS = 1_000;

/** Views as loaded (or brought forward by kept joins) at `version`; `loadedAt` is when they were last loaded whole. */
interface KeptViews {
  version: bigint;
  loadedAt: number;
  views: StoredPodView[];
}

const kept = new WeakMap<PrismaClient, KeptViews>();
const joins = new WeakMap<PrismaClient, KeptJoin[]>();

/**
 * The pod views (loadPodViews), kept between calls while nothing they show has changed: every `/join-pod`, pod
 * mention and `/pod` reads them, and loading them costs milliseconds of CPU per call (the whole of a refused
 * `/join-pod`'s database work on the embedded database), while they change a few times a day.
 *
 * "Changed" is the PodViewsVersion counter, raised at commit by triggers on Pod, PodAdvocate, Membership and
 * Contributor (prisma/migrations/*_pod_views_version; a Contributor row only when it changes a column the views show,
 * *_pod_views_contributor_changes): one tiny read per call, and right across replicas. The
 * version is read before the rows, and becomes visible together with them, so old rows are never kept under a
 * new version. Decisions still re-check under lock when they write (joinPod).
 *
 * A join made by this process does not cost a reload: joinPod knows the version before and after its commit
 * (keepJoin), and when every version between the kept one and the current one is such a join, they are applied to
 * the kept views instead. Anything else in between (another replica's join, a leave, an admin's SQL) means a reload.
 *
 * Not for a transaction's client (its own uncommitted changes have not raised the version yet): use loadPodViews.
 * The views returned are shared between callers and must not be modified.
 */
export async function readPodViews(db: PrismaClient, options: { liveOnly?: boolean } = {}): Promise<StoredPodView[]> {
  const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM "PodViewsVersion" WHERE id = 1`;
  const now = performance.now();
  const entry = kept.get(db);
  let views: StoredPodView[] | undefined;
  if (row && entry && now - entry.loadedAt < MAX_AGE_MS) {
    views = entry.version === row.version ? entry.views : applyKeptJoins(db, entry, row.version);
  }
  if (views === undefined) {
    views = await loadPodViews(db);
    if (row) {
      kept.set(db, { version: row.version, loadedAt: now, views });
      dropJoinsUpTo(db, row.version);
    }
  }
  return options.liveOnly ? views.filter((pod) => !pod.archived) : views;
}

/** Called by joinPod once a join has committed, with the versions its transaction read and made. */
export function keepJoin(db: PrismaClient, join: KeptJoin): void {
  const list = joins.get(db) ?? [];
  list.push(join);
  if (list.length > MAX_KEPT_JOINS) list.splice(0, list.length - MAX_KEPT_JOINS);
  joins.set(db, list);
}

/**
 * The kept views brought to `version` by this process's own joins, or undefined when some version between was not
 * one of them. The entry's load time stays, so levels are still read again within MAX_AGE_MS.
 */
function applyKeptJoins(db: PrismaClient, entry: KeptViews, version: bigint): StoredPodView[] | undefined {
  const list = joins.get(db) ?? [];
  let at = entry.version;
  let views = entry.views;
  while (at < version) {
    const join = list.find((candidate) => candidate.from === at);
    if (join === undefined) return undefined;
    views = withJoin(views, join);
    at = join.to;
  }
  if (at !== version) return undefined;
  kept.set(db, { version, loadedAt: entry.loadedAt, views });
  dropJoinsUpTo(db, version);
  return views;
}

function dropJoinsUpTo(db: PrismaClient, version: bigint): void {
  const list = joins.get(db);
  if (list) joins.set(db, list.filter((join) => join.to > version));
}

/**
 * The views with one join applied, as a reload would show them: the member added in order of joining (ties after
 * those already there, as membership ids rise within a pod), and gone from the pod a switch left. Idempotent, since
 * views loaded just after a version was read may already show the join. Pods it does not touch are the same objects.
 */
function withJoin(views: readonly StoredPodView[], join: Pick<KeptJoin, 'pod' | 'left' | 'member'>): StoredPodView[] {
  return views.map((pod) => {
    if (pod.name === join.pod && !pod.members.some((member) => member.slackId === join.member.slackId)) {
      const at = pod.members.findIndex((member) => member.joinedAt.getTime() > join.member.joinedAt.getTime());
      const members = [...pod.members];
      members.splice(at === -1 ? members.length : at, 0, join.member);
      return { ...pod, members };
    }
    if (pod.name === join.left && pod.members.some((member) => member.slackId === join.member.slackId)) {
      return { ...pod, members: pod.members.filter((member) => member.slackId !== join.member.slackId) };
    }
    return pod;
  });
}
