import { IANAZone } from 'luxon';
import { z } from 'zod';
import { strictObject } from '../config/strict-object';

/** Weekday names for the digest, in podbot.yml. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const wholeNumber = (field: string, min: number, max?: number) => {
  let schema = z.number({ error: `${field} must be a whole number` }).int({ error: `${field} must be a whole number` }).min(min, { error: `${field} must be at least ${min}` });
  if (max !== undefined) schema = schema.max(max, { error: `${field} must be at most ${max}` });
  return schema;
};

const reviewersSchema = strictObject({
    /** Request reviews from Pod members on pull requests that match a Pod. */
    enabled: z.boolean({ error: 'reviewers.enabled must be true or false' }).default(true),
    /** How many Pod members to request on one pull request: 1 or 2. */
    count: wholeNumber('reviewers.count', 1, 2).default(1),
    /** A member with no issue, PR, comment or review for this many days is not asked. */
    inactiveDays: wholeNumber('reviewers.inactiveDays', 1).default(60),
  })
  .default({ enabled: true, count: 1, inactiveDays: 60 });

const digestSchema = strictObject({
    /** Post the weekly digest in each Pod's channel. */
    enabled: z.boolean({ error: 'digest.enabled must be true or false' }).default(true),
    /** Day of the week, in the community's time zone. */
    weekday: z.enum(WEEKDAYS, { error: `digest.weekday must be one of ${WEEKDAYS.join(', ')}` }).default('monday'),
    /** Hour of the day (0–23), in the community's time zone. */
    hour: wholeNumber('digest.hour', 0, 23).default(9),
  })
  .default({ enabled: true, weekday: 'monday', hour: 9 });

const ladderSchema = strictObject({
    /** DM the monthly contributor-ladder suggestions to advocates and admins. */
    enabled: z.boolean({ error: 'ladder.enabled must be true or false' }).default(true),
    /** Day of the month (1–28) and hour (0–23) of the monthly suggestions, in the community's time zone. */
    dayOfMonth: wholeNumber('ladder.dayOfMonth', 1, 28).default(1),
    hour: wholeNumber('ladder.hour', 0, 23).default(9),
    /** The window the suggestions look at, in days. */
    windowDays: wholeNumber('ladder.windowDays', 1).default(90),
    /** Suggest promoting someone with at least this many merged PRs and reviews in the Pod's area in the window. */
    promoteMergedPrs: wholeNumber('ladder.promoteMergedPrs', 1).default(5),
    promoteReviews: wholeNumber('ladder.promoteReviews', 0).default(5),
    /** A Pod whose activity in the window is at least this share one person's rests on that person (0.5–1). */
    singlePersonShare: z.number({ error: 'ladder.singlePersonShare must be a number' }).min(0.5, { error: 'ladder.singlePersonShare must be at least 0.5' }).max(1, { error: 'ladder.singlePersonShare must be at most 1' }).default(0.8),
    /** …and only when the Pod had at least this many merged PRs and reviews in the window. */
    singlePersonMinActivity: wholeNumber('ladder.singlePersonMinActivity', 1).default(5),
  })
  .default({ enabled: true, dayOfMonth: 1, hour: 9, windowDays: 90, promoteMergedPrs: 5, promoteReviews: 5, singlePersonShare: 0.8, singlePersonMinActivity: 5 });

/** The `care:` section of podbot.yml: reviewer routing, the weekly Pod digest and the contributor ladder. */
export const careSection = strictObject({
    /** IANA time zone of the community, for the digest and ladder schedules and `/pod busy until <date>`. */
    timeZone: z
      .string({ error: 'timeZone must be an IANA time zone such as Europe/Berlin' })
      .refine((zone) => IANAZone.isValidZone(zone), { error: 'timeZone must be an IANA time zone such as Europe/Berlin' })
      .default('UTC'),
    reviewers: reviewersSchema,
    digest: digestSchema,
    ladder: ladderSchema,
  })
  .default({
    timeZone: 'UTC',
    reviewers: { enabled: true, count: 1, inactiveDays: 60 },
    digest: { enabled: true, weekday: 'monday', hour: 9 },
    ladder: { enabled: true, dayOfMonth: 1, hour: 9, windowDays: 90, promoteMergedPrs: 5, promoteReviews: 5, singlePersonShare: 0.8, singlePersonMinActivity: 5 },
  });

export type CareConfig = z.output<typeof careSection>;
