import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { loadGaugeFigures } from './insights-flow';

const WINDOW_DAYS = 90;
/** Scrapes come every 15–60 s; the figures move daily, so they are computed at most once a minute. */
const TTL_MS = 60_000;

/**
 * Headline figures as Prometheus gauges, computed in SQL on scrape and cached briefly. A figure that does not exist
 * yet (no first-timer whose 90 days are over, no response) is NaN, not 0, so a dashboard does not read it as "none".
 */
export function registerInsightGauges(ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'metrics' | 'log'>): void {
  // One computation per scrape: prom-client collects every gauge at once, and they all read the same figures.
  let cached: { at: number; values: ReturnType<typeof loadGaugeFigures> } | undefined;
  function values() {
    const now = ctx.clock.now().getTime();
    if (!cached || now - cached.at > TTL_MS) {
      const values = loadGaugeFigures(ctx, WINDOW_DAYS);
      cached = { at: now, values };
      // A failed computation is not kept: the next scrape tries again.
      values.catch(() => {
        if (cached?.values === values) cached = undefined;
      });
    }
    return cached.values;
  }
  const registers = [ctx.metrics.registry];
  const gauge = (name: string, help: string, read: (v: Awaited<ReturnType<typeof loadGaugeFigures>>) => number | null) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        this.set(read(await values()) ?? Number.NaN);
      },
    });
  gauge('podbot_insights_new_contributors', `People whose first pull request was opened in the last ${WINDOW_DAYS} days`, (v) => v.recent.newContributors);
  gauge('podbot_insights_active_contributors', `People who opened a pull request in the last ${WINDOW_DAYS} days`, (v) => v.recent.activeContributors);
  gauge(
    'podbot_insights_newcomer_retention_ratio',
    `Share of the first-timers of the ${WINDOW_DAYS} days before the last ${WINDOW_DAYS} (their 90 days are over) who opened a second pull request within 90 days`,
    (v) => v.retention.retentionRatio,
  );
  gauge('podbot_insights_first_response_median_hours', `Median time to first response on pull requests of the last ${WINDOW_DAYS} days`, (v) => v.recent.timeToFirstResponse.all.medianHours);
  gauge('podbot_insights_absence_factor', `Fewest authors behind half of the last ${WINDOW_DAYS} days' pull requests`, (v) => v.recent.absenceFactor);
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
