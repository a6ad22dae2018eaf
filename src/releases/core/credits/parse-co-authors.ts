export interface CoAuthor {
  name: string;
  email: string;
  /** GitHub login when the e-mail tells us, otherwise null (credit the name as written). */
  login: string | null;
}

// https://docs.github.com/en/pull-requests/committing-changes-to-your-project/creating-and-editing-commits/creating-a-commit-with-multiple-authors
// GitHub's squash messages repeat the trailers of every squashed commit inside the body, not only at the
// end, so every line is looked at.
const TRAILER = /^\s*co-authored-by:\s*(.*?)\s*<([^<>\s]+)>\s*$/gim;

// https://docs.github.com/en/account-and-profile/setting-up-and-managing-your-personal-account-on-github/managing-email-preferences/setting-your-commit-email-address
// Newer accounts use `ID+login@users.noreply.github.com`, older ones `login@users.noreply.github.com`.
const NOREPLY = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i;

// What GitHub lets a login be: letters, digits and hyphens, not starting with a hyphen, at most 39 characters; apps
// commit as `name[bot]`. Anyone can write any local part into a trailer, and a login is written into the release
// body as an @mention, so a local part that is not a possible login (`org/team`, `[x](https://…)`) maps to none.
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?$/;

/**
 * Reads `Co-authored-by: Name <email>` trailers and maps each to a login: the noreply address first, then
 * `knownEmails` (commit-author e-mail → login, keys lower-case), else no login.
 * De-duplicated by e-mail, case-insensitively, in order of appearance.
 */
export function parseCoAuthors(message: string, knownEmails: ReadonlyMap<string, string> = new Map()): CoAuthor[] {
  const seen = new Set<string>();
  const result: CoAuthor[] = [];
  for (const match of message.matchAll(TRAILER)) {
    const name = match[1].trim();
    const email = match[2].trim();
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ name, email, login: loginForEmail(email, knownEmails) });
  }
  return result;
}

/** The login an e-mail address stands for, when the noreply form or `knownEmails` says so. */
export function loginForEmail(email: string, knownEmails: ReadonlyMap<string, string> = new Map()): string | null {
  const noreply = NOREPLY.exec(email.trim());
  if (noreply) return LOGIN.test(noreply[1]) ? noreply[1] : null;
  return knownEmails.get(email.trim().toLowerCase()) ?? null;
}
