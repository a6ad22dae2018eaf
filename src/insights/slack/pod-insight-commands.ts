import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { ackThenRespond } from '../../slack/reply';
import { section, type SlackMessage } from '../../kit/slack/blocks';
import { escapeMrkdwn } from '../../kit/slack/text';
import { deriveDashboardKey, signAccessToken } from '../core/access-token';
import { renderHealthSummary } from '../core/render-health-summary';
import { loadPodHealth } from '../insights-flow';

const HEALTH_DAYS = 90;
const LINK_DAYS_DEFAULT = 7;
const LINK_DAYS_MAX = 30;
const plain = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** `/pod health <name>` and `/pod dashboard-link [days]`, or undefined for any other /pod text (pods answers it). */
export function parseInsightCommand(text: string): { kind: 'health'; name?: string } | { kind: 'dashboard-link'; days: string | undefined } | undefined {
  const [word, arg] = text.trim().split(/\s+/);
  if (word?.toLowerCase() === 'health') return arg ? { kind: 'health', name: arg.toLowerCase() } : { kind: 'health' };
  if (word?.toLowerCase() === 'dashboard-link') return { kind: 'dashboard-link', days: arg };
  return undefined;
}

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

/**
 * Insights answers these two /pod subcommands itself, as global middleware that runs before the pods listener and
 * stops the chain for them; every other /pod text goes on to pods untouched.
 */
export function registerPodInsightCommands(app: App, ctx: AppContext): void {
  app.use(async (args) => {
    const body = args.body as { command?: string; text?: string; user_id?: string };
    const command = body.command === '/pod' ? parseInsightCommand(body.text ?? '') : undefined;
    const { ack, respond } = args as unknown as { ack?: () => Promise<void>; respond?: never };
    if (!command || !ack || !respond) return args.next();
    const actor = body.user_id ?? '';
    await ackThenRespond(ctx, { ack: () => ack(), respond, label: `insights: /pod ${command.kind}` }, async () =>
      command.kind === 'health' ? health(ctx, command.name) : dashboardLink(ctx, actor, command.days),
    );
  });
}
