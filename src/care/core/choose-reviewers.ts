/** A Pod member who could review, with what the choice weighs. */
export interface ReviewerCandidate {
  /** GitHub login (members without a linked login cannot be requested and are left out before this). */
  login: string;
  /** Review requests of theirs still open (podbot's and people's), across repositories. */
  openReviews: number;
  /** When they were last asked by podbot, to break ties in favour of whoever waited longest. */
  lastRequestedAt?: Date;
  /** Their latest issue, PR, comment or review, or joining the Pod. */
  lastActiveAt?: Date;
  /** `/pod busy`: busy now (until a date, or until they say `/pod busy off`). */
  busy: boolean;
}

export interface ReviewerChoiceInput {
  podDisplayName: string;
  /** The PR author: never their own reviewer. */
  author: string;
  candidates: readonly ReviewerCandidate[];
  /** How many to request (1 or 2). */
  count: number;
  /** Logins already requested on this PR for another Pod (or otherwise taken): not requested twice. */
  taken?: readonly string[];
  inactiveDays: number;
  now: Date;
}

export interface ReviewerChoice {
  logins: string[];
  /** One line for the pod comment, e.g. "requested @a: fewest open reviews in Docs"; undefined when nobody was chosen. */
  explanation?: string;
}

const MS_PER_DAY = 86_400_000;

/**
 * Who reviews a PR that matches a Pod. Pure and deterministic: the same input always gives the same people.
 *
 * 1. Leave out the author, anyone already taken, anyone busy, and anyone inactive for `inactiveDays`.
 * 2. Spread the load: fewest open review requests first; then whoever podbot asked least recently (never asked
 *    first); then the login, so ties do not depend on database order.
 * 3. Take `count`.
 */
export function chooseReviewers(input: ReviewerChoiceInput): ReviewerChoice {
  const author = input.author.toLowerCase();
  const taken = new Set((input.taken ?? []).map((login) => login.toLowerCase()));
  const activeSince = input.now.getTime() - input.inactiveDays * MS_PER_DAY;
  const seen = new Set<string>();
  const eligible = input.candidates.filter((candidate) => {
    const login = candidate.login.toLowerCase();
    if (seen.has(login)) return false;
    seen.add(login);
    if (login === author || taken.has(login) || candidate.busy || /\[bot\]$/.test(login)) return false;
    return candidate.lastActiveAt !== undefined && candidate.lastActiveAt.getTime() >= activeSince;
  });
  const ranked = [...eligible].sort(
    (a, b) =>
      a.openReviews - b.openReviews ||
      (a.lastRequestedAt?.getTime() ?? -Infinity) - (b.lastRequestedAt?.getTime() ?? -Infinity) ||
      (a.login.toLowerCase() < b.login.toLowerCase() ? -1 : a.login.toLowerCase() > b.login.toLowerCase() ? 1 : 0),
  );
  const chosen = ranked.slice(0, Math.max(0, input.count));
  if (chosen.length === 0) return { logins: [] };
  const names = chosen.map((candidate) => `@${candidate.login}`);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return { logins: chosen.map((candidate) => candidate.login), explanation: `requested ${who}: fewest open reviews in ${input.podDisplayName}` };
}
