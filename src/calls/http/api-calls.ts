import type { AppContext } from '../../context';
import { buildCallsApiView } from '../core/feeds/build-calls-api-view';
import { listUpcoming } from '../core/occurrences/list-upcoming';
import { loadAgendaByKey, loadRsvpCountsByKey, loadSkipOverrides } from '../store';
import { sendJson, type Router } from '../../http/router';

/** Occurrences per call in the read API (the issue asks for the next 4). */
const UPCOMING_COUNT = 4;

/** `GET /api/calls`: the next occurrences of each call with agenda and RSVP counts. The router requires the API token. */
export function registerApiCallsRoute(router: Router, ctx: AppContext): void {
  router.get('/api/calls', async ({ res }) => {
    const now = ctx.clock.now();
    const skipOverrides = await loadSkipOverrides(ctx.db);
    const inputs = await Promise.all(
      ctx.config.calls.map(async (call) => {
        const upcoming = listUpcoming(call, skipOverrides, now, UPCOMING_COUNT);
        const [agenda, rsvps] = await Promise.all([loadAgendaByKey(ctx.db, call, upcoming), loadRsvpCountsByKey(ctx.db, call, upcoming)]);
        return { call, upcoming, agenda, rsvps };
      }),
    );
    sendJson(res, 200, buildCallsApiView(inputs));
  });
}
