import { z } from 'zod';
import { strictObject } from '../config/strict-object';

const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

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
  })
  .prefault({});

export type WelcomeConfig = z.infer<typeof welcomeSection>;
