import { DateTime, IANAZone } from 'luxon';
import { daysInMonth } from '../occurrences/local-dates';
import { formatIcsOffset } from './ics-text';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const ICS_WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface Transition {
  instant: number;
  from: number;
  to: number;
}

/**
 * VTIMEZONE lines for an IANA zone (RFC 5545 §3.6.5), built from the offsets luxon reports
 * (i.e. the host's tz database) rather than from a bundled copy of the tz rules:
 *
 * 1. Scan the zone day by day over [Jan 1 of fromYear, Jan 1 of toYear + 1) for offset changes,
 *    and find each change to the minute by bisection.
 * 2. Each change becomes a DAYLIGHT (offset goes up) or STANDARD (goes down) observance whose
 *    DTSTART is the local time just before the change, as the RFC's examples do.
 * 3. When every year has one change of each kind on the same "nth weekday of a month at a time"
 *    (true for Europe/London and America/Los_Angeles today), the two observances get a yearly
 *    RRULE so calendars keep applying them past the scanned years. Otherwise the changes are listed
 *    one by one and are exact only inside the scanned years.
 * An observance at the window start states the offset in force before the first change.
 * Calendar apps that know the TZID usually use their own rules; this is for those that do not.
 */
export function buildVtimezone(timezone: string, fromYear: number, toYear: number): string[] {
  const zone = IANAZone.create(timezone);
  const windowStart = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone }).toMillis();
  const windowEnd = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone }).toMillis();
  const transitions = findTransitions(zone, windowStart, windowEnd);
  const initialOffset = zone.offset(windowStart);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timezone}`];
  const initialKind = transitions.length > 0 && transitions[0].to < initialOffset ? 'DAYLIGHT' : 'STANDARD';
  lines.push(...observance(initialKind, windowStart, initialOffset, initialOffset));

  const yearlyRules = transitions.length > 0 ? findYearlyRules(transitions, toYear - fromYear + 1) : undefined;
  if (yearlyRules) {
    for (const { transition, rrule } of yearlyRules) {
      lines.push(...observance(kindOf(transition), transition.instant, transition.from, transition.to, rrule));
    }
  } else {
    for (const transition of transitions) {
      lines.push(...observance(kindOf(transition), transition.instant, transition.from, transition.to));
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function kindOf(transition: Transition): 'DAYLIGHT' | 'STANDARD' {
  return transition.to > transition.from ? 'DAYLIGHT' : 'STANDARD';
}

function observance(kind: string, instant: number, from: number, to: number, rrule?: string): string[] {
  const localBefore = new Date(instant + from * MS_PER_MINUTE).toISOString().replace(/[-:]/g, '').slice(0, 15);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localBefore}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${formatIcsOffset(from)}`,
    `TZOFFSETTO:${formatIcsOffset(to)}`,
    `END:${kind}`,
  ];
}

function findTransitions(zone: IANAZone, start: number, end: number): Transition[] {
  const transitions: Transition[] = [];
  let previous = zone.offset(start);
  for (let day = start + MS_PER_DAY; day <= end; day += MS_PER_DAY) {
    const offset = zone.offset(day);
    if (offset === previous) continue;
    let [low, high] = [day - MS_PER_DAY, day];
    while (high - low > MS_PER_MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (zone.offset(middle) === previous) low = middle;
      else high = middle;
    }
    transitions.push({ instant: high, from: previous, to: offset });
    previous = offset;
  }
  return transitions;
}

/** The first change of each kind with its RRULE, if all years follow the same two rules. */
function findYearlyRules(
  transitions: readonly Transition[],
  years: number,
): Array<{ transition: Transition; rrule: string }> | undefined {
  const byKind = new Map<string, Transition[]>();
  for (const transition of transitions) {
    const list = byKind.get(kindOf(transition)) ?? [];
    list.push(transition);
    byKind.set(kindOf(transition), list);
  }
  if (byKind.size !== 2) return undefined;
  const rules: Array<{ transition: Transition; rrule: string }> = [];
  for (const list of byKind.values()) {
    if (list.length !== years) return undefined;
    const described = list.map(describeRule);
    if (described.some((rule) => rule !== described[0])) return undefined;
    const local = new Date(list[0].instant + list[0].from * MS_PER_MINUTE);
    const day = local.getUTCDate();
    const nth = day + 7 > daysInMonth(local.getUTCFullYear(), local.getUTCMonth() + 1) ? -1 : Math.ceil(day / 7);
    rules.push({
      transition: list[0],
      rrule: `FREQ=YEARLY;BYMONTH=${local.getUTCMonth() + 1};BYDAY=${nth}${ICS_WEEKDAYS[local.getUTCDay()]}`,
    });
  }
  return rules;
}

/** "month/nth weekday/local time/from/to", equal for changes that follow one yearly rule. */
function describeRule(transition: Transition): string {
  const local = new Date(transition.instant + transition.from * MS_PER_MINUTE);
  const day = local.getUTCDate();
  const nth = day + 7 > daysInMonth(local.getUTCFullYear(), local.getUTCMonth() + 1) ? -1 : Math.ceil(day / 7);
  return [local.getUTCMonth(), nth, local.getUTCDay(), local.toISOString().slice(11, 19), transition.from, transition.to].join('/');
}
