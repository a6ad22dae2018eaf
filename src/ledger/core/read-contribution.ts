import { InvalidPayloadError } from '../../errors';
import type { Contribution } from '../types';

interface ItemPayload {
  number?: unknown;
  user?: { login?: unknown } | null;
  author_association?: unknown;
  created_at?: unknown;
  merged?: unknown;
  merged_at?: unknown;
  state?: unknown;
  closed_at?: unknown;
  updated_at?: unknown;
  title?: unknown;
  html_url?: unknown;
  labels?: unknown;
}

/** A contribution plus what the welcome handlers need from the same payload. */
export interface SeenContribution extends Contribution {
  title: string;
  url: string;
  labels: string[];
}

/**
 * When a closed item was closed (its closed_at; else when it was last updated), or undefined for an open one. Also
 * used for the REST listings, which carry the same fields.
 */
export function closedAtOf(state: unknown, closedAt: unknown, updatedAt: unknown, openedAt: Date): Date | undefined {
  if (state !== 'closed') return undefined;
  for (const value of [closedAt, updatedAt]) {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (date && !Number.isNaN(date.getTime())) return date;
  }
  return openedAt;
}

/**
 * Reads the issue or PR out of an `issues.*` or `pull_request.*` payload, or throws InvalidPayloadError (the
 * endpoint answers 400 with the reason, before anything is written) when something we rely on is missing.
 */
export function readContribution(event: 'issues' | 'pull_request', payload: Record<string, unknown>): SeenContribution {
  const field = event === 'issues' ? 'issue' : 'pull_request';
  const item = payload[field] as ItemPayload | undefined;
  if (!item || typeof item !== 'object') throw new InvalidPayloadError(`${event} payload has no "${field}" object`);
  const repo = (payload.repository as { full_name?: unknown } | undefined)?.full_name;
  if (typeof repo !== 'string' || !repo.includes('/')) throw new InvalidPayloadError(`${event} payload has no repository.full_name`);
  if (typeof item.number !== 'number' || !Number.isInteger(item.number)) throw new InvalidPayloadError(`${event} payload: ${field}.number must be an integer`);
  const login = item.user?.login;
  if (typeof login !== 'string' || login === '') throw new InvalidPayloadError(`${event} payload: ${field}.user.login is missing`);
  const openedAt = typeof item.created_at === 'string' ? new Date(item.created_at) : undefined;
  if (!openedAt || Number.isNaN(openedAt.getTime())) throw new InvalidPayloadError(`${event} payload: ${field}.created_at is not a date`);
  const mergedAt = typeof item.merged_at === 'string' ? new Date(item.merged_at) : undefined;
  const labels = Array.isArray(item.labels)
    ? item.labels.map((label) => (typeof label === 'string' ? label : (label as { name?: unknown })?.name)).filter((name): name is string => typeof name === 'string')
    : [];
  return {
    repo,
    number: item.number,
    kind: event === 'issues' ? 'issue' : 'pr',
    authorLogin: login,
    association: typeof item.author_association === 'string' ? item.author_association : 'NONE',
    openedAt,
    merged: event === 'pull_request' && (item.merged === true || mergedAt !== undefined),
    mergedAt,
    closedAt: closedAtOf(item.state, item.closed_at, item.updated_at, openedAt),
    title: typeof item.title === 'string' ? item.title : '',
    url: typeof item.html_url === 'string' ? item.html_url : `https://github.com/${repo}/issues/${item.number}`,
    labels,
  };
}
