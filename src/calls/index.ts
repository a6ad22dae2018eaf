// The calls capability's public API: other capabilities import calls only from here.
import type { AppContext } from '../context';
import { pickNextHeldCall, type NextHeldCall } from './core/occurrences/pick-next-held-call';
import { loadSkipOverrides } from './store';

export { registerCalls } from './register';
export type { NextHeldCall } from './core/occurrences/pick-next-held-call';

/**
 * The next community call that will actually take place, across every call in podbot.yml: skips in
 * podbot.yml and those made with `/community-call skip` are both respected, so a cancelled date is
 * never "next". Undefined when no call is scheduled.
 */
export async function findNextHeldCall(ctx: Pick<AppContext, 'db' | 'config' | 'clock'>): Promise<NextHeldCall | undefined> {
  if (ctx.config.calls.length === 0) return undefined;
  return pickNextHeldCall(ctx.config.calls, await loadSkipOverrides(ctx.db), ctx.clock.now());
}
