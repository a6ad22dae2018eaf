import { findNextHeldCall } from '../calls';
import type { AppContext } from '../context';
import type { KnownBlock } from '../kit/slack/blocks';
import { podExtensions } from './extensions';
import { describePodActivity } from './core/home/describe-pod-activity';
import { renderAppHome, type HomeView } from './core/home/render-app-home';
import { loadPodEvents } from './store/change-pods';
import { readPodViews } from './store/read-pod-views';

/** How far back an advocate's App Home looks for newcomers and activity. */
const RECENT_DAYS = 30;

/** What the App Home uses from the app. */
export type HomeContext = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** The App Home for one person: their pods, the next call, and for advocates their pods' recent activity. */
export async function buildAppHome(ctx: HomeContext, viewerSlackId: string): Promise<HomeView> {
  const now = ctx.clock.now();
  const pods = await readPodViews(ctx.db, { liveOnly: true });
  const advocated = pods.filter((pod) => pod.advocates.some((advocate) => advocate.slackId === viewerSlackId));
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const events = await loadPodEvents(ctx.db, advocated.map((pod) => pod.id), since);
  const names = new Map(pods.map((pod) => [pod.id, pod.name]));
  const activity = describePodActivity(
    events.map((event) => ({ pod: names.get(event.podId) ?? '', kind: event.kind, actor: event.actor, detail: event.detail, at: event.createdAt })),
  );
  const nextCall = await findNextHeldCall(ctx);
  const extra: KnownBlock[] = [];
  if (advocated.length > 0) for (const extension of podExtensions(ctx)) if (extension.homeSections) extra.push(...(await extension.homeSections(viewerSlackId, advocated)));
  return renderAppHome({ viewerSlackId, pods, nextCall, now, activity, recentDays: RECENT_DAYS, extra });
}
