import { section, type SlackMessage } from '../../../kit/slack/blocks';
import { JOIN_POD_USAGE } from '../join/parse-join-pod-command';
import { podUsage, type ExtraSubcommand } from './parse-pod-command';

/** `/pod help` (and `/join-pod help`): every command with one line on what it does, added subcommands included. */
export function renderPodHelp(extra: readonly ExtraSubcommand[] = []): SlackMessage {
  const usage = podUsage(extra);
  const text = `${usage}\n\n${JOIN_POD_USAGE}`;
  return { text, blocks: [section(usage), section(JOIN_POD_USAGE)] };
}
