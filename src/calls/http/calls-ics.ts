import type { AppContext } from '../../context';
import { renderIcs } from '../core/feeds/render-ics';
import { loadSkipOverrides } from '../store';
import { sendText, type Router } from '../../http/router';

/** RFC 5545 §8.1 media type. */
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/**
 * Calendar feeds: `GET /calls.ics` (every call) and `GET /calls/<slug>.ics`. Public, like any
 * subscribable calendar, and built on each request from podbot.yml plus the skips in the database,
 * so a `skip` shows up as an EXDATE at the next refresh of the subscriber's calendar app.
 */
export function registerCallsIcsRoutes(router: Router, ctx: AppContext): void {
  router.get('/calls.ics', async ({ res }) => {
    const ics = renderIcs(ctx.config.calls, await loadSkipOverrides(ctx.db), ctx.clock.now(), { calendarName: 'Community calls' });
    sendText(res, 200, ics, CALENDAR_TYPE);
  });

  router.get('/calls/:slug.ics', async ({ res, params }) => {
    const call = ctx.config.calls.find((candidate) => candidate.slug === params.slug);
    if (!call) {
      const known = ctx.config.calls.map((candidate) => `/calls/${candidate.slug}.ics`).join(', ') || 'none';
      return sendText(res, 404, `No call "${params.slug}" is configured. Feeds: ${known}, or /calls.ics for all.\n`);
    }
    const ics = renderIcs([call], await loadSkipOverrides(ctx.db), ctx.clock.now(), { calendarName: call.name });
    sendText(res, 200, ics, CALENDAR_TYPE);
  });
}
