import type { PodConfig } from '../config';

/** Who put a pod or an advocate in place: podbot.yml, or a `/pod create` / `/pod advocate` command. */
export type Source = 'config' | 'command';

/** A pod as stored. `PodView` fits; `source` fields are optional and default to 'config'. */
export interface StoredPod {
  name: string;
  displayName: string;
  area: string;
  labels: readonly string[];
  paths: readonly string[];
  capacity: number;
  archived: boolean;
  channel?: string;
  source?: Source;
  advocates: readonly { slackId: string; source?: Source }[];
  members?: readonly unknown[];
}

export type PodField = 'displayName' | 'area' | 'labels' | 'paths' | 'capacity' | 'channel';

export interface FieldChange {
  field: PodField;
  from: unknown;
  to: unknown;
}

export interface PodUpdate {
  name: string;
  /** The pod as config now describes it. */
  config: PodConfig;
  changes: FieldChange[];
  addAdvocates: string[];
  removeAdvocates: string[];
  /** Things an operator should know, e.g. capacity lowered below the current member count. */
  warnings: string[];
}

export interface ConfigPlan {
  create: PodConfig[];
  update: PodUpdate[];
  /** Pods gone from config: archived, never deleted, so history and memberships stay. */
  archive: string[];
  /** Archived pods that are back in config. They may also appear in `update`. */
  unarchive: string[];
}

/**
 * What applying podbot.yml's `pods:` to the database would do. Pure, so start-up can log it and the dry
 * run (`npm run pods:plan`, see planPodsConfig and renderConfigPlan) can print it without writing.
 *
 * Ownership rules, so config and Slack commands do not undo each other on every restart:
 * - config owns the pods it lists: their fields follow config, and advocates that came from config
 *   but are no longer listed are removed;
 * - advocates added with `/pod advocate` (source 'command') are kept;
 * - pods created with `/pod create` (source 'command') are not archived for being absent from config.
 */
export function applyConfigPlan(configPods: readonly PodConfig[], dbPods: readonly StoredPod[]): ConfigPlan {
  const stored = new Map(dbPods.map((pod) => [pod.name, pod]));
  const configured = new Set(configPods.map((pod) => pod.name));
  const plan: ConfigPlan = { create: [], update: [], archive: [], unarchive: [] };

  for (const config of configPods) {
    const existing = stored.get(config.name);
    if (existing === undefined) {
      plan.create.push(config);
      continue;
    }
    if (existing.archived) plan.unarchive.push(config.name);
    const update = diffPod(config, existing);
    if (update.changes.length > 0 || update.addAdvocates.length > 0 || update.removeAdvocates.length > 0) {
      plan.update.push(update);
    }
  }

  for (const pod of dbPods) {
    if (!configured.has(pod.name) && !pod.archived && (pod.source ?? 'config') === 'config') {
      plan.archive.push(pod.name);
    }
  }
  return plan;
}

function diffPod(config: PodConfig, existing: StoredPod): PodUpdate {
  const changes: FieldChange[] = [];
  const compare = (field: PodField, from: unknown, to: unknown, same: boolean) => {
    if (!same) changes.push({ field, from, to });
  };
  compare('displayName', existing.displayName, config.displayName, existing.displayName === config.displayName);
  compare('area', existing.area, config.area, existing.area === config.area);
  // Order means nothing for labels and globs, so reordering them in YAML is not a change.
  compare('labels', existing.labels, config.labels, sameSet(existing.labels, config.labels));
  compare('paths', existing.paths, config.paths, sameSet(existing.paths, config.paths));
  compare('capacity', existing.capacity, config.capacity, existing.capacity === config.capacity);
  compare('channel', existing.channel, config.channel, (existing.channel ?? undefined) === config.channel);

  const current = new Set(existing.advocates.map((advocate) => advocate.slackId));
  const addAdvocates = config.advocates.filter((slackId) => !current.has(slackId));
  const removeAdvocates = existing.advocates
    .filter((advocate) => (advocate.source ?? 'config') === 'config' && !config.advocates.includes(advocate.slackId))
    .map((advocate) => advocate.slackId);

  const warnings: string[] = [];
  const memberCount = existing.members?.length;
  if (memberCount !== undefined && memberCount > config.capacity) {
    warnings.push(
      `pod "${config.name}" has ${memberCount} members but capacity is now ${config.capacity}: nobody is removed, and it takes no one new until it is below capacity`,
    );
  }
  return { name: config.name, config, changes, addAdvocates, removeAdvocates, warnings };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}
