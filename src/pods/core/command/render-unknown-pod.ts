import { JOIN_POD_ACTION } from '../action-ids';
import { button, section, type SlackMessage } from '../../../kit/slack/blocks';
import { escapeMrkdwn } from '../../../kit/slack/text';

/**
 * Reply to `/join-pod <name>` when no pod has that name: "did you mean `docs`?" with a button that
 * joins it (the same action as the picker), or a pointer to the picker when nothing is close.
 */
export function renderUnknownPod(input: string, suggestion: string | undefined): SlackMessage {
  if (suggestion === undefined) {
    const text = `There is no pod called \`${escapeMrkdwn(input)}\`. \`/join-pod\` shows them all.`;
    return { text, blocks: [section(text)] };
  }
  const text = `There is no pod called \`${escapeMrkdwn(input)}\`. Did you mean \`${suggestion}\`?`;
  return { text, blocks: [section(text, button(`Join ${suggestion}`, JOIN_POD_ACTION, suggestion, 'primary'))] };
}
