import type { RsvpCounts } from '../../types';

export type RsvpStatus = keyof RsvpCounts;

export const RSVP_STATUSES: readonly RsvpStatus[] = ['going', 'maybe', 'no'];

/** Counts stored answers; unknown statuses (none are written) are ignored rather than miscounted. */
export function countRsvps(answers: readonly { status: string }[]): RsvpCounts {
  const counts: RsvpCounts = { going: 0, maybe: 0, no: 0 };
  for (const { status } of answers) {
    if ((RSVP_STATUSES as readonly string[]).includes(status)) counts[status as RsvpStatus] += 1;
  }
  return counts;
}
