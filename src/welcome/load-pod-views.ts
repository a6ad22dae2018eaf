import type { AppContext } from '../app/context';
import type { Level, PodView } from '../pods/core/types';

/** A pod as the welcome flows use it; `id` is set when the pod is in the database (for PodEvent rows). */
export type WelcomePodView = PodView & { id?: number };

const LEVELS = new Set(['newcomer', 'regular', 'maintainer']);

/**
 * Pods for matching and the picker: the database's pods (current members and advocates, with linked GitHub
 * logins), plus any pod in podbot.yml that is not in the database yet (config is applied on start, and a welcome
 * arriving first should still name the right pod).
 */
export async function loadPodViews(ctx: Pick<AppContext, 'db' | 'config'>): Promise<WelcomePodView[]> {
  const rows = await ctx.db.pod.findMany({
    orderBy: { name: 'asc' },
    include: {
      advocates: { orderBy: { createdAt: 'asc' } },
      memberships: { where: { leftAt: null }, include: { contributor: true }, orderBy: { joinedAt: 'asc' } },
    },
  });
  const advocateIds = [...new Set([...rows.flatMap((pod) => pod.advocates.map((a) => a.slackUserId)), ...ctx.config.pods.flatMap((pod) => pod.advocates)])];
  const linked = new Map(
    (await ctx.db.contributor.findMany({ where: { slackUserId: { in: advocateIds } }, select: { slackUserId: true, githubLogin: true } })).map((c) => [
      c.slackUserId,
      c.githubLogin ?? undefined,
    ]),
  );
  const pods: WelcomePodView[] = rows.map((pod) => ({
    id: pod.id,
    name: pod.name,
    displayName: pod.displayName,
    area: pod.area,
    labels: pod.labels,
    paths: pod.paths,
    capacity: pod.capacity,
    archived: pod.archived,
    channel: pod.channel ?? undefined,
    advocates: pod.advocates.map((a) => ({ slackId: a.slackUserId, githubLogin: linked.get(a.slackUserId) })),
    members: pod.memberships.map((m) => ({
      slackId: m.contributor.slackUserId,
      githubLogin: m.contributor.githubLogin ?? undefined,
      level: (LEVELS.has(m.contributor.level) ? m.contributor.level : 'newcomer') as Level,
      joinedAt: m.joinedAt,
    })),
  }));
  const known = new Set(pods.map((pod) => pod.name));
  for (const pod of ctx.config.pods) {
    if (known.has(pod.name)) continue;
    pods.push({
      name: pod.name,
      displayName: pod.displayName,
      area: pod.area,
      labels: pod.labels,
      paths: pod.paths,
      capacity: pod.capacity,
      archived: false,
      channel: pod.channel,
      advocates: pod.advocates.map((slackId) => ({ slackId, githubLogin: linked.get(slackId) })),
      members: [],
    });
  }
  return pods;
}
