import type { AppContext } from '../../context';
import type { Router } from '../../http/router';
import { sendJson } from '../../http/router';
import { loadPodViews } from '../store/load-pod-views';

/**
 * GET /api/pods (bearer PODBOT_API_TOKEN, enforced by the router for /api/*): every pod, archived ones
 * included, with advocates and current members. Absent values are null so the shape never changes.
 */
export function registerApiPods(router: Router, ctx: AppContext): void {
  router.get('/api/pods', async ({ res }) => {
    const pods = await loadPodViews(ctx.db);
    sendJson(res, 200, {
      pods: pods.map((pod) => ({
        name: pod.name,
        displayName: pod.displayName,
        area: pod.area,
        capacity: pod.capacity,
        archived: pod.archived,
        channel: pod.channel ?? null,
        advocates: pod.advocates.map((advocate) => advocate.slackId),
        members: pod.members.map((member) => ({
          slackId: member.slackId,
          githubLogin: member.githubLogin ?? null,
          level: member.level,
          joinedAt: member.joinedAt.toISOString(),
        })),
      })),
    });
  });
}
