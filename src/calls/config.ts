import { IANAZone } from 'luxon';
import { z } from 'zod';
import { strictObject } from '../config/strict-object';
import { isOccurrenceDate } from './core/occurrences/is-occurrence-date';
import { isLocalDate, isoWeekdayOf } from './core/occurrences/local-dates';
import { formatDuration, parseDuration } from './core/command/parse-duration';
import { WEEKDAY_NAMES, weekdayNameOf } from './core/occurrences/weekdays';

// The `calls:` section of podbot.yml. Messages name what is expected so that a maintainer can fix
// the YAML without reading this file; the caller prefixes each issue's path with `calls`.

/** YAML 1.1 parsers turn 2026-11-25 into a Date; accept that as the date it names. */
const asDateText = (value: unknown) =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;

const localDate = z.preprocess(
  asDateText,
  z
    .string({ error: 'expected a date like 2026-11-25' })
    .refine(isLocalDate, { error: (issue) => `expected a date like 2026-11-25, got "${String(issue.input)}"` }),
);

const weekday = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.enum(WEEKDAY_NAMES, { error: 'expected a weekday like wednesday' }),
);

const slackUserId = z
  .string({ error: 'expected a Slack user id like U0123456789' })
  .regex(/^[UW][A-Z0-9]{2,}$/, { error: 'expected a Slack user id like U0123456789 (not a @name)' });

/** Reminder offsets before the start; kept below a week so the due-reminder window stays small. */
const MAX_REMINDER_MINUTES = 7 * 24 * 60;

const reminderOffset = z.string({ error: "expected a duration like '24h', '1h' or '15m'" }).transform((text, ctx) => {
  const minutes = parseDuration(text);
  if (minutes === undefined || minutes <= 0 || minutes > MAX_REMINDER_MINUTES) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a duration between '1m' and '7d' like '24h', '1h' or '15m', got "${text}"`,
    });
    return z.NEVER;
  }
  return formatDuration(minutes);
});

const weekly = strictObject({
  /** Every week on `weekday`. */
  every: z.literal('week'),
  /** Day of the week, e.g. wednesday. */
  weekday,
});

const everyFewWeeks = strictObject({
  /** Every `interval` weeks on `weekday`. */
  every: z.literal('weeks'),
  /** Weeks between calls: 2 means fortnightly. */
  interval: z
    .number({ error: 'expected a whole number of weeks like 2' })
    .int({ error: 'expected a whole number of weeks like 2' })
    .min(1, { error: 'expected at least 1 week' })
    .max(52, { error: 'expected at most 52 weeks' }),
  /** Day of the week, e.g. wednesday. */
  weekday,
  /** Date of any one occurrence: it tells which weeks are "on" (e.g. the first call). */
  anchor: localDate,
});

const monthly = strictObject({
  /** Once a month on the nth `weekday`. */
  every: z.literal('month'),
  /** Day of the week, e.g. wednesday. */
  weekday,
  /** Which one in the month: 1–4, or -1 for the last. A 5th weekday is not in every month, so it is not offered. */
  nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
    error: 'expected nth to be 1, 2, 3, 4 or -1 (the last one in the month)',
  }),
});

const schedule = z
  .discriminatedUnion('every', [weekly, everyFewWeeks, monthly], {
    error: 'expected every: week, weeks (with interval and anchor) or month (with nth)',
  })
  .superRefine((value, ctx) => {
    if (value.every === 'weeks' && weekdayNameOf(isoWeekdayOf(value.anchor)) !== value.weekday) {
      ctx.addIssue({
        code: 'custom',
        path: ['anchor'],
        message: `anchor ${value.anchor} is a ${weekdayNameOf(isoWeekdayOf(value.anchor))}, but the call is on ${value.weekday}s`,
      });
    }
  });

const skip = strictObject({
  /** Local date of the occurrence that will not happen. */
  date: localDate,
  /** Shown in the cancellation message and the calendar. */
  reason: z.string().trim().min(1).optional(),
});

const call = strictObject({
    /** Short id used in commands, keys and calendar URLs: lowercase words joined by dashes. */
    slug: z
      .string({ error: 'expected a slug like community-call' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a kebab-case slug like community-call' }),
    /** Name shown in messages and the calendar, e.g. "Community call". */
    name: z.string({ error: 'expected a name like "Community call"' }).trim().min(1, { error: 'expected a name' }),
    /** Slack channel id where reminders are posted. */
    channel: z
      .string({ error: 'expected a Slack channel id like C0123456789' })
      .regex(/^[CG][A-Z0-9]{2,}$/, { error: 'expected a Slack channel id like C0123456789 (not a #name)' }),
    /** When the call repeats. */
    schedule,
    /** Local wall-clock start time, kept across DST changes. Quote it in YAML: "16:30". */
    time: z
      .string({ error: 'expected a 24-hour time in quotes like "16:30"' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a 24-hour time like "16:30"' }),
    /** IANA time zone the time is in, e.g. Europe/London. */
    timezone: z
      .string({ error: 'expected an IANA time zone like Europe/London' })
      .refine((zone) => IANAZone.isValidZone(zone), {
        error: (issue) => `expected an IANA time zone like Europe/London, got "${String(issue.input)}"`,
      }),
    /** Length of the call; the follow-up is posted when it ends. */
    durationMinutes: z
      .number({ error: 'expected minutes like 60' })
      .int({ error: 'expected whole minutes like 60' })
      .min(1, { error: 'expected at least 1 minute' })
      .max(1440, { error: 'expected at most 1440 minutes (a day)' })
      .default(60),
    /** Meeting URL (Zoom, Meet, Jitsi…), shown in reminders and the calendar. */
    link: z.url({ protocol: /^https?$/, error: 'expected an http(s) meeting link like https://zoom.us/j/123' }).optional(),
    /** How long before the start each reminder is posted. */
    reminders: z
      .array(reminderOffset, { error: "expected a list like ['24h', '1h']" })
      .default(['24h', '1h'])
      .superRefine((labels, ctx) => {
        labels.forEach((label, index) => {
          if (labels.indexOf(label) !== index) {
            ctx.addIssue({ code: 'custom', path: [index], message: `reminder ${label} is listed twice` });
          }
        });
      }),
    /** Theme words rotated one per occurrence, e.g. [contribute, build, engage]. */
    themes: z.array(z.string().trim().min(1, { error: 'expected a theme word' })).default([]),
    /** Slack user ids who host in turn, one per occurrence. */
    hosts: z.array(slackUserId).default([]),
    /** Occurrences that will not happen; more can be added from Slack with `skip`. */
    skip: z.array(skip).default([]),
    /** First date the schedule applies from; also the occurrence that gets the first theme and host. */
    start: localDate.optional(),
    /** Minutes before the start when the round-robin speaking order is posted. */
    roundRobinMinutesBefore: z
      .number({ error: 'expected minutes like 5' })
      .int({ error: 'expected whole minutes like 5' })
      .min(0, { error: 'expected 0 or more minutes' })
      .max(120, { error: 'expected at most 120 minutes' })
      .default(5),
  })
  .superRefine((value, ctx) => {
    value.skip.forEach((entry, index) => {
      if (!isOccurrenceDate(value.schedule, entry.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['skip', index, 'date'],
          message: `${entry.date} is not a date this call happens on, so skipping it would do nothing`,
        });
      }
    });
  });

/** The `calls:` list of podbot.yml. */
export const callsSection = z
  .array(call, { error: 'expected a list of calls' })
  .default([])
  .superRefine((calls, ctx) => {
    const firstIndex = new Map<string, number>();
    calls.forEach((entry, index) => {
      const earlier = firstIndex.get(entry.slug);
      if (earlier === undefined) {
        firstIndex.set(entry.slug, index);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [index, 'slug'],
        message: `slug "${entry.slug}" is already used by calls[${earlier}]; each call needs its own slug`,
      });
    });
  });

export type CallConfig = z.infer<typeof call>;
export type CallSchedule = CallConfig['schedule'];
