import type { App } from '@slack/bolt';
import type { AppContext } from '../../app/context';
import { runPodCommand } from '../../pods/pod-command-flow';
import { ackThenRespond } from '../../pods/slack-reply';
import { podWorkQueue } from '../../pods/work-queue';

/** `/pod [list | info | leave | help | create | archive | advocate | remove …]`: ack at once, answer through response_url. */
export function registerPodCommand(app: App, ctx: AppContext): void {
  app.command('/pod', async ({ command, ack, respond }) => {
    await ackThenRespond(ctx, { ack: () => ack(), respond: respond as never, label: 'pods: /pod', queue: podWorkQueue(ctx) }, () => runPodCommand(ctx, command.user_id, command.text ?? ''));
  });
}
