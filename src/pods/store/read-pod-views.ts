import type { PrismaClient } from '../../generated/prisma/client';
import { loadPodViews, type StoredPodView } from './load-pod-views';

/**
 * Levels come from the ledger, which the version below does not follow: a kept copy is at most this old, so a
 * member's level shown in a pod view lags a new contribution by a minute at most.
 */
const MAX_AGE_MS = 60_000;

const kept = new WeakMap<PrismaClient, { version: bigint; loadedAt: number; views: StoredPodView[] }>();

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
 * Not for a transaction's client (its own uncommitted changes have not raised the version yet): use loadPodViews.
 * The views returned are shared between callers and must not be modified.
 */
export async function readPodViews(db: PrismaClient, options: { liveOnly?: boolean } = {}): Promise<StoredPodView[]> {
  const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM "PodViewsVersion" WHERE id = 1`;
  const now = performance.now();
  const entry = kept.get(db);
  let views: StoredPodView[];
  if (row && entry && entry.version === row.version && now - entry.loadedAt < MAX_AGE_MS) {
    views = entry.views;
  } else {
    views = await loadPodViews(db);
    if (row) kept.set(db, { version: row.version, loadedAt: now, views });
  }
  return options.liveOnly ? views.filter((pod) => !pod.archived) : views;
}
