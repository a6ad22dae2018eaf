import type { CallConfig, Occurrence, SlackMessage } from '../../types';
import { escapeMrkdwn } from '../../../kit/slack/text';
import { section } from '../../../kit/slack/blocks';
import { stableShuffle } from '../rotation/stable-shuffle';

/**
 * Posted shortly before the call: who speaks in which order in the round-robin, among those who
 * said Going. Seeded by the occurrence key, so every replica and every retry posts the same order.
 */
export function renderRoundRobinMessage(call: CallConfig, occurrence: Occurrence, going: readonly string[]): SlackMessage {
  if (going.length === 0) {
    const text = `${call.name} starts soon. Nobody said Going yet: everyone who joins, say where you are at!`;
    return { text: escapeMrkdwn(text), blocks: [section(`🔄 ${escapeMrkdwn(text)}`)] };
  }
  const order = stableShuffle(going, occurrence.key);
  const lines = order.map((user, position) => `${position + 1}. <@${user}>`);
  return {
    text: `${escapeMrkdwn(call.name)} round-robin order: ${order.map((user) => `<@${user}>`).join(', ')}`,
    blocks: [
      section(`🔄 *${escapeMrkdwn(call.name)} starts soon.* Round-robin: say where you are at, in this order:\n${lines.join('\n')}`),
    ],
  };
}
