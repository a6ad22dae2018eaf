import type { AppContext } from '../context';
import type { WorkingWeek } from './core/response-deadlines';

/**
 * The working week the watch counts in: `welcome.firstResponse.timezone` when set, else the community's time zone
 * (`care.timeZone`, shared with the digest and the ladder), and `welcome.firstResponse.weekend`.
 */
export function workingWeekOf(config: Pick<AppContext['config'], 'welcome' | 'care'>): WorkingWeek {
  const settings = config.welcome.firstResponse;
  return { timezone: settings.timezone ?? config.care.timeZone, weekend: settings.weekend };
}
