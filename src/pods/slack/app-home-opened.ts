import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { buildAppHome } from '../home-flow';

/**
 * Publishes the Home tab each time someone opens it, so it is never stale. Bolt acknowledges events
 * before listeners run; views.publish goes straight to Slack since a Home view is only worth showing now
 * (a queued one could overwrite a newer view). https://api.slack.com/methods/views.publish
 */
export function registerAppHomeOpened(app: App, ctx: AppContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const view = await buildAppHome(ctx, event.user);
    await (ctx.slack ?? client).views.publish({ user_id: event.user, view });
  });
}
