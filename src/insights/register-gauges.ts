import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { loadInsights } from './insights-flow';

const WINDOW_DAYS = 90;
/** Scrapes come every 15–60 s; the figures move daily, so they are computed at most once a minute. */
const TTL_MS = 60_000;

/** Headline figures as Prometheus gauges, computed in SQL on scrape and cached briefly. */
export function registerInsightGauges(ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'metrics' | 'log'>): void {
  let cached: { at: number; values: Awaited<ReturnType<typeof compute>> } | undefined;
  async function compute() {
    const now = ctx.clock.now();
    const period = { from: new Date(now.getTime() - WINDOW_DAYS * 86_400_000), to: now };
    const { health, pods } = await loadInsights(ctx, period, null);
    return { health, pods };
  }
  async function values() {
    const now = ctx.clock.now().getTime();
    if (!cached || now - cached.at > TTL_MS) cached = { at: now, values: await compute() };
    return cached.values;
  }
  const registers = [ctx.metrics.registry];
  const gauge = (name: string, help: string, read: (v: Awaited<ReturnType<typeof compute>>) => number | null) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const value = read(await values());
        if (value !== null) this.set(value);
      },
    });
  gauge('podbot_insights_new_contributors', `People whose first pull request was opened in the last ${WINDOW_DAYS} days`, (v) => v.health.newContributors);
  gauge('podbot_insights_active_contributors', `People who opened a pull request in the last ${WINDOW_DAYS} days`, (v) => v.health.activeContributors);
  gauge('podbot_insights_newcomer_retention_ratio', 'Share of first-timers (90-day window closed) with a second pull request within 90 days', (v) => v.health.retentionRatio);
  gauge('podbot_insights_first_response_median_hours', `Median time to first response on pull requests of the last ${WINDOW_DAYS} days`, (v) => v.health.timeToFirstResponse.all.medianHours);
  gauge('podbot_insights_absence_factor', `Fewest authors behind half of the last ${WINDOW_DAYS} days' pull requests`, (v) => v.health.absenceFactor);
  new Gauge({
    name: 'podbot_insights_pod_fill_ratio',
    help: 'Open memberships divided by capacity, per pod',
    labelNames: ['pod'] as const,
    registers,
    async collect() {
      this.reset();
      for (const pod of (await values()).pods) this.set({ pod: pod.name }, pod.fillRatio);
    },
  });
}
