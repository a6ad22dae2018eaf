import { DateTime } from 'luxon';

export const BUSY_USAGE = '`/pod busy [until <YYYY-MM-DD>]` — no review requests for you until that date, or until `/pod busy off`';

export type BusyCommand = { kind: 'busy'; until?: Date; untilDate?: string } | { kind: 'off' } | { kind: 'invalid'; message: string };

/**
 * `/pod busy`, `/pod busy until 2026-12-24`, `/pod busy off`. A date means "busy through that day" in the
 * community's time zone, so the person is asked again from the next morning's midnight there.
 */
export function parseBusy(args: string, input: { timeZone: string; now: Date }): BusyCommand {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'busy' };
  if (words.length === 1 && words[0].toLowerCase() === 'off') return { kind: 'off' };
  if (words[0].toLowerCase() !== 'until' || words.length !== 2) {
    return { kind: 'invalid', message: `podbot could not read \`/pod busy ${args.trim()}\`.\n${BUSY_USAGE}` };
  }
  const day = DateTime.fromISO(words[1], { zone: input.timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(words[1]) || !day.isValid) {
    return { kind: 'invalid', message: `\`${words[1]}\` is not a date: write it as YYYY-MM-DD, like 2026-12-24.\n${BUSY_USAGE}` };
  }
  const until = day.plus({ days: 1 }).startOf('day').toJSDate();
  if (until.getTime() <= input.now.getTime()) return { kind: 'invalid', message: `${words[1]} has passed: pick a later date, or \`/pod busy off\`.` };
  return { kind: 'busy', until, untilDate: words[1] };
}
