import type { SlackMessage } from '../../types';
import { section } from '../../../kit/slack/blocks';

/** Answer to `/community-call help`. With several calls, a slug picks which one. */
export function renderHelpText(slugs: readonly string[]): SlackMessage {
  const prefix = slugs.length > 1 ? '/community-call [call]' : '/community-call';
  const lines = [
    `\`${prefix} next\`: when the next call is, in your time zone, with theme, host, agenda and RSVPs`,
    `\`${prefix} schedule\`: the next 4 calls`,
    `\`${prefix} agenda <topic>\`: add a topic to the next call`,
    `\`${prefix} skip <YYYY-MM-DD> [reason]\`: cancel a call (hosts and admins)`,
    `\`${prefix} unskip <YYYY-MM-DD>\`: bring a cancelled call back (hosts and admins)`,
    `\`${prefix} notes <url>\`: attach notes to the last call`,
    `\`${prefix} recording <url>\`: attach the recording to the last call`,
    `\`${prefix} help\`: this list`,
  ];
  if (slugs.length > 1) lines.push(`Calls: ${slugs.map((slug) => `\`${slug}\``).join(', ')}`);
  return { text: 'Community call commands', blocks: [section(`*Community call commands*\n${lines.join('\n')}`)] };
}
