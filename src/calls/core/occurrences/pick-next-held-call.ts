import type { CallConfig, SkipOverride } from '../../types';
import { findNextHeld } from './find-next-held';

/** The next call that will be held, across every configured call: what the App Home shows. */
export interface NextHeldCall {
  slug: string;
  name: string;
  /** Start instant (UTC). */
  start: Date;
  end: Date;
  theme?: string;
  /** Slack user id. */
  host?: string;
  /** Where to join. */
  link?: string;
}

/**
 * The earliest occurrence at or after `now` that is not skipped, whether the skip is in podbot.yml or
 * was made from Slack, among all calls. On a tie the call listed first in podbot.yml wins.
 */
export function pickNextHeldCall(calls: readonly CallConfig[], skipOverrides: readonly SkipOverride[], now: Date): NextHeldCall | undefined {
  let next: NextHeldCall | undefined;
  for (const call of calls) {
    const occurrence = findNextHeld(call, skipOverrides, now);
    if (occurrence === undefined) continue;
    if (next !== undefined && occurrence.start.getTime() >= next.start.getTime()) continue;
    next = {
      slug: call.slug,
      name: call.name,
      start: occurrence.start,
      end: occurrence.end,
      ...(occurrence.theme ? { theme: occurrence.theme } : {}),
      ...(occurrence.host ? { host: occurrence.host } : {}),
      ...(call.link ? { link: call.link } : {}),
    };
  }
  return next;
}
