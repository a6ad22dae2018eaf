import type { Feature } from '../context';
import { registerInsightsRoutes } from './http/dashboard-routes';
import { registerInsightGauges } from './register-gauges';
import { registerPodInsightCommands } from './slack/pod-insight-commands';

/** Community insight: CHAOSS metrics in SQL, GET /api/insights and CSV exports, the /dashboard pages, gauges and /pod health. */
export const registerInsights: Feature = (ctx, surfaces) => {
  if (surfaces.slack) registerPodInsightCommands(surfaces.slack, ctx);
  registerInsightsRoutes(surfaces.router, ctx);
  registerInsightGauges(ctx);
};
