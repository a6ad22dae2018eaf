import { listUpcoming } from '../../../calls/core/occurrences/list-upcoming';
import type { CallConfig } from '../../../calls/types';
import type { CommunityCall } from './render-app-home';

/**
 * The next community call that will happen, across every call in podbot.yml, for the App Home.
 * Skips listed in podbot.yml are honoured; skips made from Slack are the calls feature's business and
 * are not read here, to keep Pods independent of its tables.
 */
export function pickNextCall(calls: readonly CallConfig[], now: Date): CommunityCall | undefined {
  let next: CommunityCall | undefined;
  for (const call of calls) {
    const occurrence = listUpcoming(call, [], new Map(), now, 10).find((candidate) => !candidate.skipped);
    if (occurrence === undefined) continue;
    if (next === undefined || occurrence.start < next.start) {
      next = { name: call.name, start: occurrence.start, ...(occurrence.theme ? { theme: occurrence.theme } : {}), ...(call.link ? { link: call.link } : {}) };
    }
  }
  return next;
}
