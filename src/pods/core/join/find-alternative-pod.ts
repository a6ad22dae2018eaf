import { areaWords } from '../mentions/pod-keywords';
import { isOpen, type PodView } from '../types';

export interface AlternativePod {
  pod: PodView;
  /** Why this one: it shares labels, shares area words, or is just the smallest open pod. */
  because: 'shared-labels' | 'similar-area' | 'smallest-open';
  /** The shared labels or area words, for the explanation. */
  shared: string[];
}

/**
 * The open pod closest to `target`, for someone who cannot join `target` (full or archived).
 * Closest means most shared labels, then most shared area words; with nothing in common, the
 * smallest open pod. Ties go to the smaller pod, then the name, so the answer is deterministic.
 * Pods the person is already in are skipped.
 */
export function findAlternativePod(target: PodView, pods: readonly PodView[], joinerSlackId?: string): AlternativePod | undefined {
  const targetLabels = new Set(target.labels.map((label) => label.toLowerCase()));
  const targetWords = areaWords(target);

  const candidates = pods
    .filter((pod) => pod.name !== target.name && isOpen(pod))
    .filter((pod) => joinerSlackId === undefined || !pod.members.some((member) => member.slackId === joinerSlackId))
    .map((pod) => ({
      pod,
      labels: pod.labels.filter((label) => targetLabels.has(label.toLowerCase())),
      words: [...areaWords(pod)].filter((word) => targetWords.has(word)),
    }))
    .sort(
      (a, b) =>
        b.labels.length - a.labels.length ||
        b.words.length - a.words.length ||
        a.pod.members.length - b.pod.members.length ||
        a.pod.name.localeCompare(b.pod.name),
    );

  const best = candidates[0];
  if (best === undefined) return undefined;
  if (best.labels.length > 0) return { pod: best.pod, because: 'shared-labels', shared: best.labels };
  if (best.words.length > 0) return { pod: best.pod, because: 'similar-area', shared: best.words };
  return { pod: best.pod, because: 'smallest-open', shared: [] };
}
