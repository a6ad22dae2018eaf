import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { createEnqueueBatcher } from '../create-enqueue-batcher';
import { renderWelcomeDm } from '../core/render-welcome-dm';
import { slackWelcomeKey } from '../core/welcome-keys';

/**
 * `team_join` → one welcome DM per user. The event is answered once this listener has enqueued (so a failure is
 * retried by Slack); its event-id receipt drops Slack's retries, and the outbox key `welcome:slack:<user>` drops everything else (a second event for the same
 * person, a replay after a restart), so the listener only has to enqueue.
 * https://api.slack.com/events/team_join
 */
export function registerTeamJoinEvent(app: App, ctx: AppContext): void {
  const enqueue = createEnqueueBatcher(ctx.outbox);
  app.event('team_join', async ({ event }) => {
    const user = event.user as { id?: string; is_bot?: boolean; deleted?: boolean; real_name?: string; profile?: { display_name?: string } };
    if (!ctx.config.welcome.slackDm || !user?.id || user.is_bot || user.deleted) return;
    const message = renderWelcomeDm(ctx.config.welcome, { id: user.id, displayName: user.profile?.display_name || user.real_name });
    // Sent to the user id: Slack opens the DM itself. https://api.slack.com/methods/chat.postMessage#channels
    await enqueue({ key: slackWelcomeKey(user.id), target: 'slack', method: 'chat.postMessage', payload: { channel: user.id, ...message } });
  });
}
