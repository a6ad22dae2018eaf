import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { renderChannelGreeting } from '../core/render-channel-greeting';
import { channelGreetingKey } from '../core/welcome-keys';

/**
 * `member_joined_channel` in a channel listed in `welcome.channels` → a short greeting, once per user per channel
 * (leaving and re-joining does not greet again). https://api.slack.com/events/member_joined_channel
 */
export function registerMemberJoinedChannelEvent(app: App, ctx: AppContext): void {
  app.event('member_joined_channel', async ({ event, context }) => {
    const { user, channel } = event;
    if (!ctx.config.welcome.channels.includes(channel) || user === context.botUserId) return;
    const text = renderChannelGreeting(ctx.config.welcome, user, channel);
    const ephemeral = ctx.config.welcome.channelGreeting === 'ephemeral';
    await ctx.outbox.enqueue({
      key: channelGreetingKey(channel, user),
      target: 'slack',
      method: ephemeral ? 'chat.postEphemeral' : 'chat.postMessage',
      payload: ephemeral ? { channel, user, text } : { channel, text },
    });
  });
}
