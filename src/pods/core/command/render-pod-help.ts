import { section, type SlackMessage } from '../../../kit/slack/blocks';
import { JOIN_POD_USAGE } from '../join/parse-join-pod-command';
import { POD_USAGE } from './parse-pod-command';

/** `/pod` subcommands the insights capability answers (src/insights/slack/pod-insight-commands.ts). */
const INSIGHTS_USAGE = [
  '*Pod health*',
  '`/pod health <name>` — a pod’s health over the last 90 days, with a link to its dashboard page',
  '`/pod dashboard-link [days]` — a signed, read-only dashboard link, valid for 1 to 30 days, default 7 (admins)',
].join('\n');

/** `/pod help` (and `/join-pod help`): every command with one line on what it does. */
export function renderPodHelp(): SlackMessage {
  const text = `${POD_USAGE}\n\n${INSIGHTS_USAGE}\n\n${JOIN_POD_USAGE}`;
  return { text, blocks: [section(POD_USAGE), section(INSIGHTS_USAGE), section(JOIN_POD_USAGE)] };
}
