import { IANAZone } from 'luxon';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * The instant of a local date and wall-clock time in an IANA zone.
 *
 * Twice a year a wall-clock time can be missing or doubled. Both cases follow RFC 5545 §3.3.5, so
 * our instants agree with every calendar that reads the ICS feed
 * (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5):
 * - a time inside a spring-forward gap uses the offset from before the gap, so it moves later
 *   by the gap (01:30 on 2027-03-28 in Europe/London is 02:30 BST = 01:30Z);
 * - a time that happens twice at fall-back means the first one, still in summer time
 *   (01:30 on 2026-10-25 in Europe/London is 01:30 BST = 00:30Z).
 * luxon alone picks the second instant for doubled times, hence the explicit rule here.
 */
export function resolveLocalTime(localDate: string, time: string, timezone: string): Date {
  const zone = IANAZone.create(timezone);
  const [year, month, day] = localDate.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);

  // Offsets in force a day either side; transitions are never closer together than that.
  const offsetBefore = zone.offset(wallClockAsUtc - MS_PER_DAY);
  const offsetAfter = zone.offset(wallClockAsUtc + MS_PER_DAY);
  const matching = [offsetBefore, offsetAfter]
    .map((offset) => wallClockAsUtc - offset * MS_PER_MINUTE)
    .filter((instant) => zone.offset(instant) * MS_PER_MINUTE === wallClockAsUtc - instant);

  if (matching.length === 0) return new Date(wallClockAsUtc - offsetBefore * MS_PER_MINUTE);
  return new Date(Math.min(...matching));
}
