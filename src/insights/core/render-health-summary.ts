import { escapeMrkdwn } from '../../kit/slack/text';
import { section, type SlackMessage } from '../../kit/slack/blocks';
import type { HealthMetrics, PodFill } from './types';

const h = (value: number | null): string => (value === null ? 'no responses yet' : `${value} h`);
const pct = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)} %`);

/** `/pod health <name>`: a short ephemeral summary of the last 90 days, with a link to the pod's dashboard page. */
export function renderHealthSummary(input: { pod: PodFill; health: HealthMetrics; pageUrl: string | null; days: number }): SlackMessage {
  const { pod, health } = input;
  const lines = [
    `*${escapeMrkdwn(pod.displayName)}* — last ${input.days} days`,
    `• Members: ${pod.members}/${pod.capacity} (${pct(pod.fillRatio)} full), ${pod.advocates} advocate${pod.advocates === 1 ? '' : 's'}`,
    `• New contributors: ${health.newContributors}; retention (90 days): ${pct(health.retentionRatio)}`,
    `• Time to first response: median ${h(health.timeToFirstResponse.all.medianHours)}, first-timers ${h(health.timeToFirstResponse.firstTimers.medianHours)}`,
    `• Active contributors: ${health.activeContributors}; absence factor: ${health.absenceFactor}`,
    `• Pull requests: ${health.opened} opened, ${health.closed} closed (${health.merged} merged); advocate median response ${h(pod.advocateMedianHours)}`,
    input.pageUrl ? `<${input.pageUrl}|Open the pod’s dashboard page>` : '_The dashboard link needs PODBOT_PUBLIC_URL and PODBOT_API_TOKEN on the server._',
  ];
  const text = lines.join('\n');
  return { text, blocks: [section(text)] };
}
