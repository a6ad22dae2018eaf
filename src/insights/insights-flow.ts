import type { AppContext } from '../context';
import type { Period } from './core/period';
import type { PodMetrics } from './core/types';
import { OVERVIEW_FIRST_TIMERS } from './core/render/render-pages';
import { summarizeCalls } from './core/summarize-calls';
import { queryCallOccurrences } from './store/query-calls';
import { queryFirstTimers } from './store/query-first-timers';
import { queryHealth, queryPodsHealth } from './store/query-health';
import { queryPodFill, queryPodLinks, queryPodMembers, queryWaitingItems } from './store/query-pods';
import { readSnapshot, type InsightsDb } from './store/read-snapshot';

type Ctx = Pick<AppContext, 'db' | 'config' | 'clock'>;

// Each loader reads in one snapshot (store/read-snapshot.ts): the figures of a page or an answer agree with each other.

async function insightsOf(tx: InsightsDb, ctx: Ctx, period: Period, pod: string | null) {
  const now = ctx.clock.now();
  const { health, trend } = await queryHealth(tx, { period, pod, bots: ctx.config.bots, now });
  const pods = await queryPodFill(tx, { period, bots: ctx.config.bots, ...(pod ? { pod } : {}) });
  return { health, trend, pods };
}

/** Health of a scope (a pod or everyone) plus each pod's fill (only that pod's when one is named). */
export function loadInsights(ctx: Ctx, period: Period, pod: string | null) {
  return readSnapshot(ctx.db, (tx) => insightsOf(tx, ctx, period, pod));
}

/** The overview page: everyone's health, every pod's fill, and the period's latest first-timers. */
export function loadOverview(ctx: Ctx, period: Period) {
  return readSnapshot(ctx.db, async (tx) => {
    const insights = await insightsOf(tx, ctx, period, null);
    return {
      ...insights,
      firstTimers: await queryFirstTimers(tx, { period, pod: null, bots: ctx.config.bots, latest: OVERVIEW_FIRST_TIMERS }),
      // Everyone's new contributors are the period's first-timers: the same people, counted by the health query.
      firstTimerCount: insights.health.newContributors,
    };
  });
}

/** A pod's page: its fill, health, members and waiting items, with every pod's name for the navigation. Null if the pod is archived. */
export function loadPodPage(ctx: Ctx, period: Period, name: string) {
  const now = ctx.clock.now();
  return readSnapshot(ctx.db, async (tx) => {
    const [pod] = await queryPodFill(tx, { period, bots: ctx.config.bots, pod: name });
    if (!pod) return null;
    const pods = await queryPodLinks(tx);
    const { health, trend } = await queryHealth(tx, { period, pod: name, bots: ctx.config.bots, now });
    const members = await queryPodMembers(tx, name);
    const waiting = await queryWaitingItems(tx, { pod: name, now, bots: ctx.config.bots });
    return { pod, pods, health, trend, members, waiting };
  });
}

/** `/pod health`: one pod's fill and health, or null when there is no active pod of that name. */
export function loadPodHealth(ctx: Ctx, period: Period, name: string) {
  const now = ctx.clock.now();
  return readSnapshot(ctx.db, async (tx) => {
    const [pod] = await queryPodFill(tx, { period, bots: ctx.config.bots, pod: name });
    if (!pod) return null;
    return { pod, health: (await queryHealth(tx, { period, pod: name, bots: ctx.config.bots, now, trend: false })).health };
  });
}

/**
 * The gauges' figures: the last `days` days, and for newcomer retention the `days` before those, since a first-timer
 * of the last 90 days cannot have completed their 90-day window yet.
 */
export function loadGaugeFigures(ctx: Ctx, days: number) {
  const now = ctx.clock.now();
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  return readSnapshot(ctx.db, async (tx) => {
    const recent = await queryHealth(tx, { period: { from: daysAgo(days), to: now }, pod: null, bots: ctx.config.bots, now, trend: false });
    const retention = await queryHealth(tx, { period: { from: daysAgo(2 * days), to: daysAgo(days) }, pod: null, bots: ctx.config.bots, now, trend: false });
    const pods = await queryPodFill(tx, { period: { from: daysAgo(days), to: now }, bots: ctx.config.bots });
    return { recent: recent.health, retention: retention.health, pods };
  });
}

/** The first-timers of a period, for the CSV export. */
export function loadFirstTimers(ctx: Ctx, period: Period, pod: string | null) {
  return readSnapshot(ctx.db, (tx) => queryFirstTimers(tx, { period, pod, bots: ctx.config.bots }));
}

/** Every pod's fill and health metrics, for the per-pod CSV: each metric's statement computes every pod's at once. */
export function loadPodMetrics(ctx: Ctx, period: Period): Promise<PodMetrics[]> {
  const now = ctx.clock.now();
  return readSnapshot(ctx.db, async (tx) => {
    const pods = await queryPodFill(tx, { period, bots: ctx.config.bots });
    const health = await queryPodsHealth(tx, { period, pods: pods.map((pod) => pod.name), bots: ctx.config.bots, now });
    return pods.map((pod): PodMetrics => ({ ...pod, health: health.get(pod.name)! }));
  });
}

/** Every active pod, for the navigation of pages that show no pod figures. */
export function loadPodLinks(ctx: Ctx) {
  return queryPodLinks(ctx.db);
}

export async function loadCalls(ctx: Ctx, period: Period) {
  const now = ctx.clock.now();
  const occurrences = await queryCallOccurrences(ctx.db, { period, now });
  const skipRows = await ctx.db.callSkip.findMany({ select: { callSlug: true, localDate: true, skipped: true } });
  const calls = ctx.config.calls.map((call) => ({ slug: call.slug, name: call.name, timezone: call.timezone, configSkips: call.skip.map((s) => s.date) }));
  return summarizeCalls(calls, occurrences, skipRows, period, now);
}
