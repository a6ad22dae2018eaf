import type { Feature } from '../context';
import { registerInsightsRoutes } from './http/dashboard-routes';
import { registerInsightGauges } from './register-gauges';
import { extendPods } from '../pods';
import { podInsightSubcommands } from './slack/pod-insight-commands';

/** Community insight: CHAOSS metrics in SQL, GET /api/insights and CSV exports, the /dashboard pages, gauges and /pod health. */
export const registerInsights: Feature = (ctx, surfaces) => {
  extendPods(ctx, { subcommands: podInsightSubcommands(ctx) });
  registerInsightsRoutes(surfaces.router, ctx);
  registerInsightGauges(ctx);
};
