import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { runCallCommand } from '../community-call-flow';
import { planCallCommand } from '../core/command/plan-call-command';
import type { ReminderRefresher } from '../refresh-reminders';
import type { SlackMessage } from '../types';
import { ackThenRespond } from '../../slack/reply';

/**
 * `/community-call [call] <next|schedule|agenda|skip|unskip|notes|recording|help>`.
 *
 * Slack wants the ack within 3 seconds (https://api.slack.com/interactivity/slash-commands#responding_basic_receipt).
 * Answers that need no I/O (help, parse errors, choosing the call, permission) go in the ack itself;
 * the rest is acknowledged first and answered through response_url by the flow (see ackThenRespond).
 */
export function registerCommunityCallCommand(app: App, ctx: AppContext, refresher: ReminderRefresher): void {
  app.command('/community-call', async ({ command, ack }) => {
    const plan = planCallCommand(ctx.config.calls, {
      text: command.text ?? '',
      channelId: command.channel_id,
      userId: command.user_id,
      isAdmin: ctx.isAdmin(command.user_id),
    });
    if (plan.kind === 'answer') return ack(ephemeral(plan.message));
    const request = { userId: command.user_id, requestId: command.trigger_id };
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: command.response_url, label: `calls: /community-call ${plan.command.kind}` }, () =>
      runCallCommand(ctx, refresher, plan.call, plan.command, request),
    );
  });
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, text: message.text, blocks: message.blocks };
}
