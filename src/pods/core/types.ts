/**
 * Plain data the pure pod functions work on. Handlers load these from the database (or build them
 * from config) and pass them in; nothing here touches I/O.
 */

import type { Level } from '../../kit/contributors/level';

/** Experience levels are the contributor kernel's (src/kit/contributors), shared with the ledger and identity. */
export { LEVELS, type Level } from '../../kit/contributors/level';

export interface PodAdvocate {
  slackId: string;
  /** Linked GitHub login, used to cc the advocate on GitHub. */
  githubLogin?: string;
}

export interface PodMember {
  slackId: string;
  githubLogin?: string;
  level: Level;
  joinedAt: Date;
}

export interface PodView {
  /** Slug, e.g. `docs`. */
  name: string;
  displayName: string;
  area: string;
  labels: string[];
  paths: string[];
  capacity: number;
  archived: boolean;
  /** Slack channel id (`C…`), if the pod has a channel. */
  channel?: string;
  advocates: PodAdvocate[];
  /** Current members only (people who left are history, not members). */
  members: PodMember[];
}

/** A pod is full when it holds `capacity` members or more (capacity can be lowered below the count). */
export function isFull(pod: Pick<PodView, 'capacity' | 'members'>): boolean {
  return pod.members.length >= pod.capacity;
}

/** A pod can take a new member: not archived and not full. */
export function isOpen(pod: Pick<PodView, 'capacity' | 'members' | 'archived'>): boolean {
  return !pod.archived && !isFull(pod);
}
