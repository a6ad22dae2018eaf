import type { WelcomeConfig } from '../config';
import { fillTemplate } from './fill-template';

/** The short `member_joined_channel` greeting. `{name}` is the user id (the template wraps it in `<@…>`). */
export function renderChannelGreeting(config: WelcomeConfig, userId: string, channel: string): string {
  return fillTemplate(config.channelMessage, { name: userId, channel });
}
