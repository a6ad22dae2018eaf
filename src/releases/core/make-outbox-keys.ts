import { createHash } from 'node:crypto';

/**
 * Outbox key of a release-body edit. It names the exact transition (body before → body after), so a
 * redelivered event or a concurrent run that read the same body enqueues nothing new, while a later run over
 * a body a person has edited since gets its own key and keeps their edit.
 */
export function makeBodyEditKey(repo: string, releaseId: number, before: string | null, after: string): string {
  const digest = createHash('sha256').update(before ?? '').update('\u0000').update(after).digest('hex').slice(0, 24);
  return `release:${repo}:${releaseId}:body:${digest}`;
}

/** Outbox key of one part of the Slack announcement: once per release, ever. */
export function makeAnnouncementKey(repo: string, releaseId: number, part: number): string {
  return `release:${repo}:${releaseId}:announce:${part}`;
}
