/**
 * Outbox idempotency keys of the first-response watch: one per item, step and recipient, so a second replica or a
 * tick after a restart that reaches the same step enqueues nothing new.
 */
export type WatchStep = 'nudge' | 'escalate';

export function firstResponseKey(item: { repo: string; number: number }, step: WatchStep, recipient: string): string {
  return `newcomers:first-response:${item.repo.toLowerCase()}#${item.number}:${step}:${recipient}`;
}
