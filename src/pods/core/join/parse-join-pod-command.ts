import { normalizePodName } from '../command/pod-name';

export type JoinPodCommand =
  | { kind: 'picker' }
  | { kind: 'join'; name: string }
  | { kind: 'auto' }
  | { kind: 'interests'; interests: string[] }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

export const JOIN_POD_USAGE = [
  '*Usage*',
  '`/join-pod` — pick a pod from a list',
  '`/join-pod docs` — join the pod called `docs`',
  '`/join-pod auto` — let podbot pick the pod that needs someone like you most',
  '`/join-pod interests: docs, cli` — the same, among pods matching your interests',
].join('\n');

/**
 * Reads the text after `/join-pod`. Slack sends it as typed, trimmed or not.
 * https://api.slack.com/interactivity/slash-commands#app_command_handling
 */
export function parseJoinPodCommand(text: string): JoinPodCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'picker' };

  const lower = trimmed.toLowerCase();
  if (lower === 'auto') return { kind: 'auto' };
  if (lower === 'help') return { kind: 'help' };

  const interestsMatch = /^interests?\b\s*:?\s*(.*)$/is.exec(trimmed);
  if (interestsMatch) {
    const interests = [
      ...new Set(
        interestsMatch[1]
          .split(/[,\s]+/)
          .map((word) => word.trim().toLowerCase())
          .filter((word) => word.length > 0),
      ),
    ];
    if (interests.length === 0) {
      return {
        kind: 'invalid',
        message: `Name at least one interest, like \`/join-pod interests: docs, cli\`.\n\n${JOIN_POD_USAGE}`,
      };
    }
    return { kind: 'interests', interests };
  }

  const name = normalizePodName(trimmed);
  if (name === undefined) {
    return {
      kind: 'invalid',
      message: `\`${trimmed}\` is not a pod name: pod names use lowercase letters, digits and dashes, like \`docs\`.\n\n${JOIN_POD_USAGE}`,
    };
  }
  return { kind: 'join', name };
}
