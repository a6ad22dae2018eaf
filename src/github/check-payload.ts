/**
 * The fields every handler of an event relies on, checked before any handler runs. Handlers run side by side, so
 * one refusing a payload (InvalidPayloadError) does not stop another from enqueuing a comment first; checking here
 * means a malformed delivery is refused with 400 before anything is written. Returns the reason, or undefined.
 */
export function checkPayload(event: string, payload: Record<string, unknown>): string | undefined {
  if (event === 'issues' || event === 'pull_request') return checkItem(event, payload);
  if (event === 'release') {
    const release = payload.release as { id?: unknown; tag_name?: unknown } | undefined;
    if (!isObject(release) || typeof release.id !== 'number' || typeof release.tag_name !== 'string') return 'release payload needs release.id and release.tag_name';
    return checkRepository(event, payload);
  }
  return undefined;
}

function checkItem(event: 'issues' | 'pull_request', payload: Record<string, unknown>): string | undefined {
  const field = event === 'issues' ? 'issue' : 'pull_request';
  const item = payload[field] as { number?: unknown; user?: { login?: unknown } | null; created_at?: unknown } | undefined;
  if (!isObject(item)) return `${event} payload has no "${field}" object`;
  if (typeof item.number !== 'number' || !Number.isInteger(item.number)) return `${event} payload: ${field}.number must be an integer`;
  if (typeof item.user?.login !== 'string' || item.user.login === '') return `${event} payload: ${field}.user.login is missing`;
  if (typeof item.created_at !== 'string' || Number.isNaN(new Date(item.created_at).getTime())) return `${event} payload: ${field}.created_at is not a date`;
  return checkRepository(event, payload);
}

function checkRepository(event: string, payload: Record<string, unknown>): string | undefined {
  const repository = payload.repository as { full_name?: unknown; name?: unknown; owner?: { login?: unknown } | null } | undefined;
  if (!isObject(repository) || typeof repository.full_name !== 'string' || typeof repository.name !== 'string' || typeof repository.owner?.login !== 'string') {
    return `${event} payload needs repository.full_name, repository.name and repository.owner.login`;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
