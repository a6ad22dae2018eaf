export interface CherryPickOrigin {
  /** The original PR in the same repository. */
  prNumber: number;
  /** The original author when the body names them; otherwise look up the original PR's author. */
  login: string | null;
}

/*
 * Convention (documented for maintainers in the release-notes docs): a PR is a cherry-pick when its body
 * contains one of
 *   - `This is an automated cherry-pick of #N` — what Prow's cherrypicker (k8s-infra-cherrypick-robot) writes
 *     (kubernetes/test-infra external-plugins/cherrypicker);
 *   - `Cherry pick of #N`, `Cherry-pick of #N`, `Cherry picked from #N`, `Backport of #N` — common hand-written forms;
 * optionally followed by `by @login` on the same line, e.g. `(cherry picked from #123 by @alice)`.
 * Only same-repository references (`#N`) count. Git's own `(cherry picked from commit <sha>)` names no PR,
 * so it is not recognised.
 */
const ORIGIN =
  /\b(?:automated cherry[- ]pick of|cherry[- ]?pick(?:ed)? (?:of|from)|backport of)\s+#(\d+)(?:[^\n#]*?\bby\s+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?))?/i;

/** The original PR (and author, when named) a cherry-pick PR's body points at, or null. */
export function findCherryPickOrigin(body: string | null | undefined): CherryPickOrigin | null {
  if (!body) return null;
  const match = ORIGIN.exec(body);
  if (!match) return null;
  return { prNumber: Number(match[1]), login: match[2] ?? null };
}

/** Original PRs whose author must be looked up: cherry-picks that name no author and whose original is not in the release. */
export function findOriginalsOutside(prs: readonly { number: number; body: string | null | undefined }[]): number[] {
  const inRelease = new Set(prs.map((pr) => pr.number));
  const originals = prs
    .map((pr) => findCherryPickOrigin(pr.body))
    .filter((o): o is CherryPickOrigin => o !== null && o.login === null && !inRelease.has(o.prNumber))
    .map((o) => o.prNumber);
  return [...new Set(originals)];
}
