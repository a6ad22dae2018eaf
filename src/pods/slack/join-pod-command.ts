import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { runJoinPodCommand } from '../join-flow';
import { ackThenRespond } from '../../slack/reply';

/** `/join-pod [name | auto | interests: a, b]`: ack at once, answer through response_url (see ackThenRespond). */
export function registerJoinPodCommand(app: App, ctx: AppContext): void {
  app.command('/join-pod', async ({ command, ack, respond }) => {
    await ackThenRespond(ctx, { ack: () => ack(), respond: respond as never, label: 'pods: /join-pod' }, () =>
      runJoinPodCommand(ctx, command.user_id, command.text ?? ''),
    );
  });
}
