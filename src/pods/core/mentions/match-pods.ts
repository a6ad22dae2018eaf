import picomatch from 'picomatch';

export interface MatchTarget {
  /** Labels on the issue or PR. */
  labels: readonly string[];
  /** Paths changed by the PR; empty for issues. */
  changedFiles: readonly string[];
}

type Matchable = { name: string; labels: readonly string[]; paths: readonly string[]; archived?: boolean };

/**
 * The pods an issue or PR belongs to: a label in common (case-insensitive, as GitHub treats
 * label names) or a changed file matching one of the pod's path globs. Archived pods never match.
 * Keeps the input order. Used for GitHub mentions, welcomes and release notes.
 *
 * `dot: true` so `docs/**` also covers `docs/.vitepress/config.ts`.
 */
export function matchPods<T extends Matchable>(target: MatchTarget, pods: readonly T[]): T[] {
  const labels = new Set(target.labels.map((label) => label.toLowerCase()));
  return pods.filter((pod) => {
    if (pod.archived) return false;
    if (pod.labels.some((label) => labels.has(label.toLowerCase()))) return true;
    if (pod.paths.length === 0 || target.changedFiles.length === 0) return false;
    const isMatch = picomatch(pod.paths as string[], { dot: true });
    return target.changedFiles.some((file) => isMatch(file));
  });
}
