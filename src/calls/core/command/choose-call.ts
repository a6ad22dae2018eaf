import type { CallConfig } from '../../types';

export type CallChoice = { ok: true; call: CallConfig } | { ok: false; message: string };

/**
 * Which call a `/community-call` command is about: the slug the user typed, else the only call,
 * else the call whose channel the command was typed in. Otherwise the user is asked to name one.
 */
export function chooseCall(calls: readonly CallConfig[], slug: string | undefined, channelId: string | undefined): CallChoice {
  if (calls.length === 0) {
    return { ok: false, message: 'No community calls are set up yet. An admin can add one to the `calls:` section of podbot.yml.' };
  }
  if (slug !== undefined) {
    const named = calls.find((call) => call.slug === slug);
    if (named) return { ok: true, call: named };
  }
  if (calls.length === 1) return { ok: true, call: calls[0] };
  const inChannel = calls.filter((call) => call.channel === channelId);
  if (inChannel.length === 1) return { ok: true, call: inChannel[0] };
  const slugs = calls.map((call) => `\`${call.slug}\``).join(', ');
  return {
    ok: false,
    message: `Several calls are set up (${slugs}). Put the call first, like \`/community-call ${calls[0].slug} next\`.`,
  };
}
