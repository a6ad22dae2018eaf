/** The fields of GitHub's release object that choosing the previous release needs. */
export interface ReleaseSummary {
  tag_name: string;
  draft: boolean;
  prerelease: boolean;
  published_at: string | null;
}

export interface PreviousReleaseQuery {
  currentTag: string;
  /** Only tags with this prefix can be previous. Unset: tags with the current tag's own `…/` prefix (or none). */
  tagPrefix?: string;
}

/**
 * Orders the releases that may be the previous one: published (not drafts), same tag prefix, not the
 * current tag, newest `published_at` first. The gatherer takes the first whose tag is an ancestor of the
 * current tag (compare status `ahead` or `identical`).
 *
 * - A monorepo tags each module (`kustomize/v5.3.0`, `api/v0.16.0`, …) from the same release run, so picking
 *   by date alone would compare against another module's tag; hence the prefix.
 * - A stable release skips pre-releases, so `v1.2.0` credits everyone since `v1.1.0`, not since `v1.2.0-rc.1`.
 *   A pre-release may follow another pre-release.
 * - When the current release is in the list and published, only releases published before it count: re-running
 *   for an old tag must not try every newer release first.
 */
export function findPreviousReleaseCandidates(
  releases: readonly ReleaseSummary[],
  query: PreviousReleaseQuery,
): string[] {
  const prefix = query.tagPrefix ?? impliedPrefix(query.currentTag);
  // Without a configured prefix, `v1.2.0` must not pick `api/v0.16.0`, nor the other way round.
  const samePrefix = (tag: string) =>
    query.tagPrefix !== undefined ? tag.startsWith(query.tagPrefix) : impliedPrefix(tag) === prefix;
  const current = releases.find((r) => r.tag_name === query.currentTag);
  const currentIsPrerelease = current ? current.prerelease : /-/.test(query.currentTag.slice(prefix.length));
  const publishedBefore = current && !current.draft ? current.published_at : null;

  return releases
    .filter(
      (r): r is ReleaseSummary & { published_at: string } =>
        !r.draft &&
        r.published_at !== null &&
        r.tag_name !== query.currentTag &&
        samePrefix(r.tag_name) &&
        (currentIsPrerelease || !r.prerelease) &&
        (publishedBefore === null || Date.parse(r.published_at) < Date.parse(publishedBefore)),
    )
    .sort((a, b) => Date.parse(b.published_at) - Date.parse(a.published_at) || compareTags(b.tag_name, a.tag_name))
    .map((r) => r.tag_name);
}

function impliedPrefix(tag: string): string {
  const slash = tag.lastIndexOf('/');
  return slash === -1 ? '' : tag.slice(0, slash + 1);
}

/** Tie-break for releases published in the same second: plain string order, deterministic. */
function compareTags(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
