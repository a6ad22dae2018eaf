export type UnlinkGitHubCommand = { kind: 'self' } | { kind: 'other'; slackUserId: string } | { kind: 'usage'; problem: string };

/**
 * `/unlink-github` (yourself) or `/unlink-github @user` (admins). Slack sends a mention as `<@U123|name>` when the
 * command escapes users; a bare `@name` cannot be resolved to an id, so it gets the usage text.
 * https://api.slack.com/interactivity/slash-commands#creating_commands (Escape channels, users, and links)
 */
export function parseUnlinkGitHubCommand(text: string): UnlinkGitHubCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'self' };
  const mention = words.length === 1 ? /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(words[0]) : null;
  if (mention) return { kind: 'other', slackUserId: mention[1] };
  return { kind: 'usage', problem: 'To unlink someone else, mention them: `/unlink-github @name` (pick the name from the autocomplete list).' };
}
