import type { Level } from '../../kit/contributors/level';

/** The usage text for both commands, shown on any malformed input. */
export function renderIdentityUsage(problem?: string): string {
  return [
    problem ? `${problem}\n` : '',
    '*Link your Slack and GitHub accounts*',
    '• `/link-github octocat`: link your GitHub login (we check it exists)',
    '• `/link-github`: show your current link',
    '• `/unlink-github`: remove your link',
    '• `/unlink-github @name`: remove someone else’s link (admins only)',
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderCurrentLink(login: string | undefined, level?: { level: Level; source: string }): string {
  if (!login) return 'Your Slack account is not linked to GitHub. Link it with `/link-github <your-login>`.';
  const how = level ? ` Your level is *${level.level}*${level.source === 'ledger' ? ', from your contributions' : ''}.` : '';
  return `You are linked to GitHub as *${login}* (https://github.com/${login}).${how} \`/unlink-github\` removes the link.`;
}

export function renderLinked(login: string, level: Level, replacing?: string): string {
  const was = replacing ? ` (instead of *${replacing}*)` : '';
  return `Linked you to GitHub as *${login}*${was}. From your contributions we see you as a *${level}*. \`/unlink-github\` undoes this.`;
}

export function renderAlreadyLinked(login: string): string {
  return `You are already linked to *${login}*; nothing changed.`;
}

export function renderLoginTaken(login: string, owner: string): string {
  return `*${login}* is already linked to <@${owner}>, and a GitHub login can belong to one Slack account only. If that is a mistake, ask <@${owner}> to run \`/unlink-github\`, or ask an admin.`;
}

export function renderLoginNotFound(login: string): string {
  return `GitHub has no user called *${login}*. Check the spelling (it is the name in your profile URL, github.com/<login>) and try again.`;
}

export function renderGitHubUnavailable(): string {
  return 'I could not reach GitHub to check that login. Please try again in a minute.';
}

export function renderUnlinked(login: string | undefined, whom?: string): string {
  if (!login) return whom ? `<@${whom}> has no GitHub link; nothing to remove.` : 'You have no GitHub link; nothing to remove.';
  return whom ? `Removed the link between <@${whom}> and GitHub *${login}*.` : `Removed your link to GitHub *${login}*.`;
}

export function renderUnlinkOthersRefused(): string {
  return 'Only admins can unlink someone else. To remove your own link, run `/unlink-github` without a name.';
}
