/**
 * GitHub logins: 1–39 characters, letters, digits and single hyphens, not starting or ending with a hyphen.
 * https://github.com/join (the sign-up form states the rule)
 */
const GITHUB_LOGIN = /^(?!-)(?!.*--)[A-Za-z0-9-]{1,39}(?<!-)$/;

export type LinkGitHubCommand = { kind: 'show' } | { kind: 'link'; login: string } | { kind: 'usage'; problem: string };

/** Accepts `login`, `@login` or a profile URL, since people paste whichever they have at hand. */
export function normalizeGitHubLogin(raw: string): string | undefined {
  const trimmed = raw.trim().replace(/^<(.*)>$/, '$1');
  const fromUrl = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/?#\s]+)\/?$/i.exec(trimmed)?.[1];
  const login = (fromUrl ?? trimmed).replace(/^@/, '');
  return GITHUB_LOGIN.test(login) ? login : undefined;
}

/** `/link-github` (show the link) or `/link-github <login>`; anything else earns the usage text. */
export function parseLinkGitHubCommand(text: string): LinkGitHubCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'show' };
  if (words.length > 1) return { kind: 'usage', problem: 'Give one GitHub login.' };
  const login = normalizeGitHubLogin(words[0]);
  if (!login) return { kind: 'usage', problem: `\`${words[0]}\` is not a GitHub login (letters, digits and single hyphens, at most 39 characters).` };
  return { kind: 'link', login };
}
