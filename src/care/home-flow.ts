import type { AppContext } from '../context';
import { divider, header, section, type KnownBlock } from '../kit/slack/blocks';
import { escapeMrkdwn } from '../kit/slack/text';
import { listWaitingItems } from '../newcomers';
import { loadPodViews, type PodView } from '../pods';
import { buildDigest } from './digest-flow';
import { openSuggestions } from './store/ladder';

const SHOWN = 5;
const DAY_MS = 86_400_000;

/** The advocate's App Home sections, per pod they advocate: items waiting for a first response, open ladder suggestions, and the digest preview. */
export async function buildCareHome(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, advocated: readonly PodView[]): Promise<KnownBlock[]> {
  const now = ctx.clock.now();
  const stored = await loadPodViews(ctx.db, { liveOnly: true });
  const suggestions = await openSuggestions(ctx.db, advocated.map((pod) => pod.name));
  const blocks: KnownBlock[] = [];
  for (const pod of advocated) {
    const view = stored.find((candidate) => candidate.name === pod.name);
    if (!view) continue;
    const waiting = await listWaitingItems(ctx, pod.name);
    const digest = await buildDigest(ctx, view, now, '');
    const lines = (items: string[], empty: string) => (items.length > 0 ? items.slice(0, SHOWN).map((item) => `• ${item}`).join('\n') : empty);
    blocks.push(divider(), header(`Care: ${pod.displayName}`));
    blocks.push(section(`*Waiting for a first response*\n${lines(waiting.map((item) => `<https://github.com/${item.repo}/${item.kind === 'pr' ? 'pull' : 'issues'}/${item.number}|${escapeMrkdwn(`${item.repo}#${item.number}`)}> by ${escapeMrkdwn(item.authorLogin)}, ${Math.floor(item.ageMs / DAY_MS)} days${item.overdue ? ' (overdue)' : ''}`), 'Nothing is waiting.')}`));
    blocks.push(section(`*Ladder suggestions*\n${lines(suggestions.filter((s) => s.podName === pod.name).map((s) => escapeMrkdwn(s.reason).replace(/&lt;@([UW][A-Z0-9]+)&gt;/g, '<@$1>')), 'None open.')}`));
    blocks.push(section(`*This week’s digest*\n${digest ? escapeMrkdwn(digest.text) : 'Nothing to report yet; no digest would be sent.'}\n\`/pod digest ${pod.name}\` shows it in full.`));
  }
  return blocks;
}
