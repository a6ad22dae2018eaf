import type { CallCommand, CallConfig, SlackMessage } from '../../types';
import { renderHelpText } from '../messages/render-help-text';
import { renderReply } from '../messages/render-reply';
import { checkSkipPermission } from '../skips/check-skip-permission';
import { chooseCall } from './choose-call';
import { parseCallCommand } from './parse-call-command';

/** A subcommand that needs the database or Slack, so it is answered after the ack. */
export type CallSubcommand = Exclude<CallCommand, { kind: 'invalid' } | { kind: 'help' }>;

/** `answer`: say this in the ack, nothing else to do. `run`: ack, then run the subcommand on this call. */
export type CallCommandPlan = { kind: 'answer'; message: SlackMessage } | { kind: 'run'; call: CallConfig; command: CallSubcommand };

export interface CallCommandInput {
  text: string;
  /** Where the command was typed: picks the call when several are configured and no slug is given. */
  channelId: string | undefined;
  userId: string;
  isAdmin: boolean;
}

/**
 * Everything about `/community-call` that needs no I/O: parsing, help, choosing the call and who may
 * skip. These answers fit in the ack; the rest is run after it.
 */
export function planCallCommand(calls: readonly CallConfig[], input: CallCommandInput): CallCommandPlan {
  const slugs = calls.map((call) => call.slug);
  const parsed = parseCallCommand(input.text, slugs);
  if (parsed.kind === 'invalid') return answer(renderReply(parsed.message));
  if (parsed.kind === 'help') return answer(renderHelpText(slugs));
  const choice = chooseCall(calls, parsed.slug, input.channelId);
  if (!choice.ok) return answer(renderReply(choice.message));
  if (parsed.kind === 'skip' || parsed.kind === 'unskip') {
    const permission = checkSkipPermission(choice.call, input.userId, input.isAdmin, parsed.kind);
    if (!permission.ok) return answer(renderReply(permission.message));
  }
  return { kind: 'run', call: choice.call, command: parsed };
}

function answer(message: SlackMessage): CallCommandPlan {
  return { kind: 'answer', message };
}
