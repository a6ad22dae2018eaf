import type { Feature } from '../context';
import { registerPodMentionHandlers } from './github/mention-pods';
import { registerApiPods } from './http/api-pods';
import { registerJoinPodActions } from './slack/join-pod-actions';
import { registerJoinPodCommand } from './slack/join-pod-command';
import { registerPodCommand } from './slack/pod-command';
import { registerAppHomeOpened } from './slack/app-home-opened';
import { archivedNotices } from './pod-command-flow';
import { applyPodsConfig } from './store/apply-pods-config';

/** Wires the pods capability into the app: Slack commands, buttons and Home tab, GitHub mentions, the read API, and config sync at start. */
export const registerPods: Feature = (ctx, surfaces) => {
  if (surfaces.slack) {
    registerJoinPodCommand(surfaces.slack, ctx);
    registerPodCommand(surfaces.slack, ctx);
    registerJoinPodActions(surfaces.slack, ctx);
    registerAppHomeOpened(surfaces.slack, ctx);
  }
  if (surfaces.webhooks) registerPodMentionHandlers(surfaces.webhooks, ctx);
  registerApiPods(surfaces.router, ctx);

  surfaces.onStart('pods: apply podbot.yml', async () => {
    const now = ctx.clock.now();
    const plan = await applyPodsConfig(ctx.db, ctx.outbox, {
      pods: ctx.config.pods,
      now,
      notifyArchived: (pod, members) => archivedNotices(pod.id, pod.name, pod.displayName, members, now),
    });
    for (const warning of plan.update.flatMap((update) => update.warnings)) ctx.log.warn({ warning }, 'pods: config warning');
    ctx.log.info(
      {
        created: plan.create.map((pod) => pod.name),
        updated: plan.update.map((update) => ({ name: update.name, changes: update.changes.map((change) => change.field), addAdvocates: update.addAdvocates, removeAdvocates: update.removeAdvocates })),
        archived: plan.archive,
        unarchived: plan.unarchive,
      },
      'pods: podbot.yml applied',
    );
  });
};
