import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { runJoinPodCommand } from '../join-flow';
import { ackThenRespond } from '../../slack/reply';

/** `/join-pod [name | auto | interests: a, b]`: ack at once, answer through response_url (see ackThenRespond). */
export function registerJoinPodCommand(app: App, ctx: AppContext): void {
  app.command('/join-pod', async ({ command, ack }) => {
    await ackThenRespond(ctx, { ack: () => ack(), responseUrl: command.response_url, label: 'pods: /join-pod' }, () =>
      runJoinPodCommand(ctx, command.user_id, command.text ?? ''),
    );
  });
}
