import { scopeCovers } from '../../../kit/github/repository-scope';
import type { PodConfig } from '../../config';

/**
 * The pods that look after a repository (`owner/name`): a pod's `repos:` / `orgs:` in podbot.yml limit where its
 * labels and paths match. Pods not scoped there (or made with /pod create) look after every repository. Pure.
 */
export function podsForRepository<T extends { name: string }>(pods: readonly T[], configured: readonly Pick<PodConfig, 'name' | 'repos' | 'orgs'>[], repository: string): T[] {
  const scopes = new Map(configured.map((pod) => [pod.name, pod]));
  return pods.filter((pod) => scopeCovers(scopes.get(pod.name) ?? {}, repository));
}
