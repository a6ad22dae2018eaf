import type { Feature } from '../context';
import { registerApiCallsRoute } from './http/api-calls';
import { registerCallsIcsRoutes } from './http/calls-ics';
import { registerCallRsvpAction } from './slack/call-rsvp-action';
import { registerCommunityCallCommand } from './slack/community-call-command';
import { createReminderRefresher } from './refresh-reminders';
import { runCallsTick } from './scheduler';

/**
 * Community calls: `/community-call`, the RSVP buttons, the calendar feeds, `GET /api/calls`, and
 * the scheduler. node-cron wakes the scheduler every minute; what it posts is decided from
 * podbot.yml plus the database (see scheduler.ts), so a late or doubled wake-up is harmless.
 */
export const registerCalls: Feature = (ctx, surfaces) => {
  const refresher = createReminderRefresher(ctx);
  if (surfaces.slack) {
    registerCommunityCallCommand(surfaces.slack, ctx, refresher);
    registerCallRsvpAction(surfaces.slack, ctx, refresher);
  }
  registerCallsIcsRoutes(surfaces.router, ctx);
  registerApiCallsRoute(surfaces.router, ctx);
  surfaces.schedule('calls', '* * * * *', () => runCallsTick(ctx));
};
