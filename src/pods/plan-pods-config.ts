import { applyConfigPlan } from './core/apply-config-plan';
import type { PodsConfigPreview } from './core/render-config-plan';
import type { PodConfig } from './config';
import type { Db } from './store/db';
import { loadPodViews } from './store/load-pod-views';

/**
 * The dry run of the podbot.yml sync (applyPodsConfig): reads the pods as stored and returns what the sync would
 * create, change, unarchive and archive, and whom it would DM. Writes nothing.
 */
export async function planPodsConfig(db: Db, pods: readonly PodConfig[]): Promise<PodsConfigPreview> {
  const stored = await loadPodViews(db);
  const plan = applyConfigPlan(pods, stored);
  const archiveNotices = plan.archive.map((name) => ({
    pod: name,
    members: stored.find((pod) => pod.name === name)?.members.map((member) => member.slackId) ?? [],
  }));
  return { plan, archiveNotices };
}
