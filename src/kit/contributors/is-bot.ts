/**
 * Whether a login belongs to a bot: GitHub App accounts end in `[bot]`
 * (https://docs.github.com/en/apps/creating-github-apps/about-creating-github-apps/about-creating-github-apps),
 * and `extraBots` lists accounts that are bots by use (e.g. `k8s-ci-robot`). An entry `name` matches both
 * `name` and `name[bot]`, case-insensitively, because logins are case-insensitive on GitHub.
 */
export function isBot(login: string, extraBots: readonly string[] = []): boolean {
  const normalized = login.trim().toLowerCase();
  if (normalized.endsWith('[bot]')) return true;
  return extraBots.some((bot) => {
    const name = bot.trim().toLowerCase().replace(/\[bot\]$/, '');
    return normalized === name || normalized === `${name}[bot]`;
  });
}
