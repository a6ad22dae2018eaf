import type { Period } from './period';
import type { HealthMetrics, MonthlyTrend, PodFill, PodMetrics } from './types';

/** The JSON of GET /api/insights. */
export function buildInsightsView(input: { period: Period; pod: string | null; health: HealthMetrics; trend: MonthlyTrend[]; pods: PodMetrics[] | PodFill[] }) {
  return {
    period: { from: input.period.from.toISOString(), to: input.period.to.toISOString() },
    pod: input.pod,
    metrics: input.health,
    trend: input.trend,
    pods: input.pods,
  };
}
