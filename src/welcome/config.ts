import { z } from 'zod';
import { strictObject } from '../config/strict-object';

const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `welcome.firstResponse.within`, read: "2 working days", "3 days", "36 hours". */
export interface ResponseWindow {
  /** As written in podbot.yml, for messages. */
  text: string;
  amount: number;
  /** working-days skip the weekend days in the community's time zone; days and hours are plain elapsed time. */
  unit: 'working-days' | 'days' | 'hours';
}

const WINDOW = /^\s*(\d{1,3})\s*(working[ -]days?|days?|d|hours?|h)\s*$/i;

/** Reads a response window, or undefined when the text is not one. */
export function parseResponseWindow(text: string): ResponseWindow | undefined {
  const match = WINDOW.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount < 1) return undefined;
  const word = match[2].toLowerCase();
  const unit = word.startsWith('working') ? 'working-days' : word.startsWith('d') ? 'days' : 'hours';
  return { text: text.trim(), amount, unit };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `welcome.firstResponse`: watch that newcomers' issues and pull requests get a human answer in time (docs/newcomers.md). */
const firstResponseSection = strictObject({
    /** Watch first responses at all. */
    enabled: z.boolean().default(true),
    /** Whose items are watched: first-time contributors only, or every (human) author. */
    watch: z.enum(['first-timers', 'everyone'], { message: 'expected first-timers or everyone' }).default('first-timers'),
    /**
     * How long an item may wait for a first human response before the Pod's advocates (or the admins) hear of it;
     * after twice as long the admins do. "N working days", "N days" or "N hours".
     */
    within: z
      .string()
      .transform((text, ctx) => {
        const window = parseResponseWindow(text);
        if (!window) {
          ctx.addIssue({ code: 'custom', message: 'expected a duration such as "2 working days", "3 days" or "36 hours"' });
          return z.NEVER;
        }
        return window;
      })
      .prefault('2 working days'),
    /** The community's time zone (IANA name), in which working days begin and end. */
    timezone: z
      .string()
      .refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/Berlin or UTC' })
      .default('UTC'),
    /** Days that are not working days. */
    weekend: z
      .array(z.enum(WEEKDAYS, { message: `expected a weekday: ${WEEKDAYS.join(', ')}` }))
      .refine((days) => new Set(days).size < 7, { message: 'at least one day of the week must be a working day' })
      .default(['saturday', 'sunday']),
    /**
     * Repositories (owner/name) searched at start-up for open items that were waiting before podbot was installed,
     * on top of every repository the ledger knows. One search query per repository.
     */
    repositories: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name')).default([]),
    /** The start-up search looks at items opened in the last this many days; older ones are not picked up. */
    lookbackDays: z.number().int().min(1).max(365).default(30),
  })
  .prefault({});

/** The `welcome:` section of podbot.yml. Absent means "all defaults". */
export const welcomeSection = strictObject({
    /** Send a welcome DM on Slack `team_join`. */
    slackDm: z.boolean().default(true),
    /**
     * Welcome DM text (Slack mrkdwn). Placeholders: {name}, {codeOfConduct}, {contributing},
     * {goodFirstIssues}, {community}.
     */
    message: z
      .string()
      .default(
        'Welcome to {community}, {name}! :wave:\nWe are glad you are here. Please read our <{codeOfConduct}|code of conduct> and <{contributing}|contributing guide>, and have a look at the <{goodFirstIssues}|good first issues>.\nContributors work in small groups called Pods, each with an advocate who helps newcomers: pick one below, and link your GitHub account so we can recognise your work.',
      ),
    /** Community name used in messages. */
    community: z.string().default('our community'),
    /** Link to the code of conduct. */
    codeOfConductUrl: z.url({ message: 'expected a URL' }).default('https://example.org/code-of-conduct'),
    /** Link to the contributing guide. */
    contributingUrl: z.url({ message: 'expected a URL' }).default('https://example.org/contributing'),
    /** Link to the good-first-issues list. */
    goodFirstIssuesUrl: z.url({ message: 'expected a URL' }).default('https://example.org/good-first-issues'),
    /** Link people can use to join the Slack workspace (used in GitHub comments). */
    slackInviteUrl: z.url({ message: 'expected a URL' }).optional(),
    /** Channels in which `member_joined_channel` gets a short greeting. */
    channels: z
      .array(z.string().regex(SLACK_CHANNEL_ID, 'expected a Slack channel id such as C0123456789'))
      .default([]),
    /**
     * How that greeting is posted: `ephemeral` is seen only by the joiner; `message` is a normal channel message
     * (the join event carries no message ts to thread under).
     */
    channelGreeting: z.enum(['ephemeral', 'message'], { message: 'expected ephemeral or message' }).default('ephemeral'),
    /** Channel greeting text. Placeholders: {name}, {channel}. */
    channelMessage: z.string().default('Welcome to <#{channel}>, <@{name}>! Say hello and tell us what brings you here.'),
    /** Welcome comments on a first issue and a first pull request. */
    github: strictObject({
        /** Post welcome comments at all. */
        enabled: z.boolean().default(true),
        /** Label added to a first-timer's issue or PR, so welcomes can be counted. */
        label: z.string().min(1).default('new-contributor'),
        /** When a first-timer can expect a response, shown in the comment. */
        responseTime: z.string().default('within a few days'),
        /** First issue comment (markdown). Placeholders: {login}, {contributing}, {pods}, {responseTime}. */
        issueMessage: z
          .string()
          .default('Thanks for opening your first issue here, @{login}! :tada: Someone will respond {responseTime}.{pods}\nIn the meantime, our [contributing guide]({contributing}) explains how we work.'),
        /** First PR comment (markdown). Same placeholders. */
        pullRequestMessage: z
          .string()
          .default('Thanks for your first pull request, @{login}! :tada: A maintainer will review it {responseTime}.{pods}\nOur [contributing guide]({contributing}) explains how reviews work.'),
        /** First merged PR comment (markdown). Placeholders: {login}, {slack}, {pods}. */
        mergedMessage: z
          .string()
          .default('Congratulations on your first merged pull request, @{login}! :rocket: Thank you for contributing.{slack}{pods}'),
        /** DM the matching pod's advocates (or, with no matching pod, the admins) about each first-timer. */
        handoff: z.boolean().default(true),
      })
      .prefault({}),
    firstResponse: firstResponseSection,
  })
  .prefault({});

export type WelcomeConfig = z.infer<typeof welcomeSection>;
export type FirstResponseConfig = WelcomeConfig['firstResponse'];
