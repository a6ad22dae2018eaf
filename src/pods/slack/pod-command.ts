import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { runPodCommand } from '../pod-command-flow';
import { ackThenRespond } from '../../slack/reply';

/** `/pod [list | info | leave | help | create | archive | advocate | remove …]`: ack at once, answer through response_url. */
export function registerPodCommand(app: App, ctx: AppContext): void {
  app.command('/pod', async ({ command, ack }) => {
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: command.response_url, label: 'pods: /pod' }, () => runPodCommand(ctx, command.user_id, command.text ?? ''));
  });
}
