import type { AppContext } from '../context';
import type { Period } from './core/period';
import type { PodMetrics } from './core/types';
import { summarizeCalls } from './core/summarize-calls';
import { queryCallOccurrences } from './store/query-calls';
import { queryHealth } from './store/query-health';
import { queryPodFill } from './store/query-pods';

type Ctx = Pick<AppContext, 'db' | 'config' | 'clock'>;

/** Health of a scope (a pod or everyone) plus each pod's fill. */
export async function loadInsights(ctx: Ctx, period: Period, pod: string | null) {
  const now = ctx.clock.now();
  const { health, trend } = await queryHealth(ctx.db, { period, pod, bots: ctx.config.bots, now });
  const pods = await queryPodFill(ctx.db, { period, bots: ctx.config.bots, ...(pod ? { pod } : {}) });
  return { health, trend, pods };
}

/** Every pod's fill and health metrics, for the per-pod CSV and the API's `pods=full`. */
export async function loadPodMetrics(ctx: Ctx, period: Period): Promise<PodMetrics[]> {
  const now = ctx.clock.now();
  const pods = await queryPodFill(ctx.db, { period, bots: ctx.config.bots });
  const result: PodMetrics[] = [];
  for (const pod of pods) result.push({ ...pod, health: (await queryHealth(ctx.db, { period, pod: pod.name, bots: ctx.config.bots, now })).health });
  return result;
}

export async function loadCalls(ctx: Ctx, period: Period) {
  const now = ctx.clock.now();
  const occurrences = await queryCallOccurrences(ctx.db, { period, now });
  const skipRows = await ctx.db.callSkip.findMany({ select: { callSlug: true, localDate: true, skipped: true } });
  const calls = ctx.config.calls.map((call) => ({ slug: call.slug, name: call.name, timezone: call.timezone, configSkips: call.skip.map((s) => s.date) }));
  return summarizeCalls(calls, occurrences, skipRows, period, now);
}
