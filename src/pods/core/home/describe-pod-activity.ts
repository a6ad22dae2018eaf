import type { PodActivity } from './render-app-home';

/** A stored pod event, as the App Home needs it. */
export interface PodEventRecord {
  pod: string;
  kind: string;
  actor: string | null;
  detail: unknown;
  at: Date;
}

/**
 * One line of an advocate's App Home per event: joins, leaves and GitHub mentions. Events that are
 * only bookkeeping (config updates) are left out.
 */
export function describePodActivity(events: readonly PodEventRecord[]): PodActivity[] {
  const activity: PodActivity[] = [];
  for (const event of events) {
    const detail = (event.detail ?? {}) as Record<string, unknown>;
    const who = typeof detail.slackId === 'string' ? detail.slackId : event.actor;
    switch (event.kind) {
      case 'joined':
        if (who) activity.push({ pod: event.pod, slackId: who, title: 'joined', at: event.at });
        break;
      case 'left':
        if (who) activity.push({ pod: event.pod, slackId: who, title: `left${detail.reason === 'switched' ? ` for ${String(detail.to)}` : ''}`, at: event.at });
        break;
      case 'removed':
        if (who) activity.push({ pod: event.pod, slackId: who, title: 'was removed', at: event.at });
        break;
      case 'mention': {
        const kind = detail.kind === 'pr' ? 'PR' : 'Issue';
        const url = typeof detail.url === 'string' ? detail.url : undefined;
        activity.push({ pod: event.pod, title: `${kind} ${String(detail.repo)}#${String(detail.number)}: ${String(detail.title ?? '')} by ${String(event.actor ?? 'someone')}`, ...(url ? { url } : {}), at: event.at });
        break;
      }
      default:
        break;
    }
  }
  return activity;
}
