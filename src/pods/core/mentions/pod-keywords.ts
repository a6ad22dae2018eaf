import type { PodView } from '../types';

/** Words too common to say anything about which area a pod covers. */
const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or',
  'our', 'that', 'the', 'their', 'this', 'to', 'with', 'we', 'you', 'your', 'all', 'anything', 'everything', 'how',
  'what', 'who', 'pod', 'pods', 'project', 'related', 'stuff', 'things', 'work',
]);

/** `docs` and `doc` should meet; a crude singular is enough for area words and labels. */
export function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Lowercase words of free text, without stopwords, singular: "Docs and the website" → doc, website. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 2 && !STOPWORDS.has(word))
    .map(singular);
}

/** Words of the pod's area description, as a set. */
export function areaWords(pod: Pick<PodView, 'area'>): Set<string> {
  return new Set(wordsOf(pod.area));
}

/**
 * Everything an interest may match: the name and its parts, the display name and its words,
 * each label whole and in parts (`area/cli` → `area/cli`, `cli`), and the area words.
 * All lowercase and singular.
 */
export function podKeywords(pod: Pick<PodView, 'name' | 'displayName' | 'labels' | 'area'>): Set<string> {
  const keywords = new Set<string>();
  const add = (word: string) => {
    if (word.length > 0) keywords.add(singular(word.toLowerCase()));
  };
  add(pod.name);
  pod.name.split('-').forEach(add);
  add(pod.displayName);
  wordsOf(pod.displayName).forEach(add);
  for (const label of pod.labels) {
    add(label);
    label.split(/[/:\s_-]+/).forEach(add);
  }
  wordsOf(pod.area).forEach(add);
  return keywords;
}

/** Whether any of the interests names this pod, one of its labels, or a word of its area. */
export function matchesInterests(pod: Pick<PodView, 'name' | 'displayName' | 'labels' | 'area'>, interests: readonly string[]): boolean {
  const keywords = podKeywords(pod);
  return interests.some((interest) => keywords.has(singular(interest.trim().toLowerCase())));
}
