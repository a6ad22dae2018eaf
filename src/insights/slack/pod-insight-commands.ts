import type { AppContext } from '../../context';
import type { PodSubcommand } from '../../pods';
import { section, type SlackMessage } from '../../kit/slack/blocks';
import { escapeMrkdwn } from '../../kit/slack/text';
import { deriveDashboardKey, signAccessToken } from '../core/access-token';
import { renderHealthSummary } from '../core/render-health-summary';
import { loadPodHealth } from '../insights-flow';

const HEALTH_DAYS = 90;
const LINK_DAYS_DEFAULT = 7;
const LINK_DAYS_MAX = 30;
const plain = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

async function health(ctx: AppContext, name: string | undefined): Promise<SlackMessage> {
  if (!name) return plain('`/pod health <name>` needs a pod name, like `/pod health docs`.');
  const now = ctx.clock.now();
  const period = { from: new Date(now.getTime() - HEALTH_DAYS * 86_400_000), to: now };
  const found = await loadPodHealth(ctx, period, name);
  if (!found) return plain(`There is no active pod called \`${escapeMrkdwn(name)}\`. \`/pod list\` shows them all.`);
  const { pod, health: metrics } = found;
  const pageUrl = ctx.publicUrl && ctx.env.apiToken ? `${ctx.publicUrl}/dashboard/pods/${encodeURIComponent(name)}` : null;
  return renderHealthSummary({ pod, health: metrics, pageUrl, days: HEALTH_DAYS });
}

function dashboardLink(ctx: AppContext, actor: string, daysText: string | undefined): SlackMessage {
  if (!ctx.isAdmin(actor)) return plain('Only podbot admins (`admins` in podbot.yml) can make dashboard links.');
  if (!ctx.env.apiToken) return plain('The dashboard is off: set PODBOT_API_TOKEN on the server.');
  if (!ctx.publicUrl) return plain('Set PODBOT_PUBLIC_URL on the server so podbot knows its address, then try again.');
  const days = daysText === undefined ? LINK_DAYS_DEFAULT : Number(daysText);
  if (!Number.isInteger(days) || days < 1 || days > LINK_DAYS_MAX) return plain(`\`/pod dashboard-link [days]\`: days is a whole number from 1 to ${LINK_DAYS_MAX} (default ${LINK_DAYS_DEFAULT}).`);
  const expiresAt = new Date(ctx.clock.now().getTime() + days * 86_400_000);
  const token = signAccessToken(deriveDashboardKey(ctx.env.apiToken), 'link', expiresAt);
  return plain(`Read-only dashboard link, valid until ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC:\n${ctx.publicUrl}/dashboard?token=${token}\nAnyone with it can read the dashboard until then; rotating PODBOT_API_TOKEN revokes it.`);
}

export const HEALTH_USAGE = '`/pod health <name>` — a pod’s health over the last 90 days, with a link to its dashboard page';
export const DASHBOARD_LINK_USAGE = `\`/pod dashboard-link [days]\` — a signed, read-only dashboard link, valid for 1 to ${LINK_DAYS_MAX} days, default ${LINK_DAYS_DEFAULT} (admins)`;

/** `/pod health` and `/pod dashboard-link`, added to pods' /pod command (pods acks, runs them and answers ephemerally). */
export function podInsightSubcommands(ctx: AppContext): PodSubcommand[] {
  return [
    { name: 'health', usage: HEALTH_USAGE, run: (_actor, args) => health(ctx, args.split(/\s+/)[0]?.toLowerCase() || undefined) },
    { name: 'dashboard-link', usage: DASHBOARD_LINK_USAGE, run: async (actor, args) => dashboardLink(ctx, actor, args.split(/\s+/)[0] || undefined) },
  ];
}
