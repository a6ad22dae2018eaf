import { z } from 'zod';
import { strictObject } from '../config/strict-object';
import { orgsField, reposField } from '../kit/github/repository-scope';
import { POD_SLUG, RESERVED_POD_NAMES } from './core/command/pod-name';

/**
 * The `pods:` and `podSettings:` sections of podbot.yml.
 *
 * These schemas only describe the two sections; the file loader owns reading the YAML and
 * reporting every problem at once with its YAML path (zod issues carry `path`, so
 * `pods.1.advocates.0` points straight at the bad entry).
 */

/**
 * Slack user ids start with `U`, or `W` on Enterprise Grid.
 * https://api.slack.com/changelog/2016-08-11-user-id-format-changes
 */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Public channels start with `C`; private channels created before 2021 may still start with `G`. */
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** `docs` → `Docs`, `cli-tools` → `Cli Tools`. */
export function displayNameFromSlug(name: string): string {
  return name
    .split('-')
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

export const podSchema = strictObject({
    /** Slug that people type in `/join-pod <name>`; lowercase kebab-case, unique across pods. */
    name: z
      .string({ error: 'pod name is required' })
      .regex(POD_SLUG, { error: 'pod name must be lowercase kebab-case, like "docs" or "cli-tools"' })
      .refine((name) => !RESERVED_POD_NAMES.includes(name), {
        error: `pod name must not be one of ${RESERVED_POD_NAMES.map((n) => `"${n}"`).join(', ')}: /join-pod reads those as instructions`,
      }),
    /** Name shown to people, e.g. "Docs". Defaults to the slug in title case. */
    displayName: z.string().trim().min(1, { error: 'displayName must not be empty' }).optional(),
    /** One or two sentences on what the pod looks after; shown in the picker and in GitHub comments. */
    area: z.string({ error: 'area is required: describe what the pod looks after' }).trim().min(1, {
      error: 'area must not be empty: describe what the pod looks after',
    }),
    /** GitHub labels that belong to this pod; matched case-insensitively. */
    labels: z.array(z.string().trim().min(1, { error: 'labels must not be empty strings' })).default([]),
    /** Path globs (picomatch syntax, dotfiles included) of files that belong to this pod. */
    paths: z.array(z.string().trim().min(1, { error: 'paths must not be empty strings' })).default([]),
    /** Most members the pod takes. Default 9: the ideal size of 7, plus 2 of slack. */
    capacity: z
      .number({ error: 'capacity must be a whole number' })
      .int({ error: 'capacity must be a whole number' })
      .min(1, { error: 'capacity must be at least 1' })
      .default(9),
    /** Slack user ids of the Pod Advocates (`U…` or `W…`); at least one. */
    advocates: z
      .array(
        z.string().regex(SLACK_USER_ID, {
          error: 'advocates must be Slack user ids like "U012AB3CD" (not @names)',
        }),
        { error: 'advocates must be a list of Slack user ids' },
      )
      .min(1, { error: 'a pod needs at least one advocate (a Slack user id like "U012AB3CD")' }),
    /**
     * Repositories (`owner/name`) whose issues and PRs the pod looks after: its labels and paths match only there
     * (mentions, welcomes, release credit). With `orgs`, either one is enough. Neither: every repository.
     */
    repos: reposField,
    /** Organisations whose repositories the pod looks after (see `repos`). */
    orgs: orgsField,
    /** Slack channel id (`C…`) of the pod's channel, if it has one. */
    channel: z
      .string()
      .regex(SLACK_CHANNEL_ID, { error: 'channel must be a Slack channel id like "C012AB3CD" (not #name)' })
      .optional(),
  })
  .transform((pod) => ({ ...pod, displayName: pod.displayName ?? displayNameFromSlug(pod.name) }));

/**
 * The `pods:` list. Entries are parsed one by one here rather than with `z.array(podSchema)`, so the
 * uniqueness check still runs when some entry is invalid: zod skips array refinements after an
 * entry fails, and a person fixing podbot.yml should see every problem in one go.
 */
export const podsSection = z
  .array(z.unknown(), { error: 'pods must be a list' })
  .default([])
  .transform((entries, ctx): PodConfig[] => {
    const pods: PodConfig[] = [];
    entries.forEach((entry, index) => {
      const result = podSchema.safeParse(entry);
      if (result.success) pods.push(result.data);
      else {
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', input: entry, path: [index, ...issue.path], message: issue.message });
        }
      }
    });
    const duplicates = duplicatePodNames(entries);
    if (duplicates.length > 0) {
      ctx.addIssue({
        code: 'custom',
        input: entries,
        message: `pod names must be unique; used more than once: ${duplicates.map((name) => `"${name}"`).join(', ')}`,
      });
    }
    return pods;
  });

function duplicatePodNames(pods: unknown[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const pod of pods) {
    const name = (pod as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') continue;
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return [...duplicates];
}

export type PodConfig = z.output<typeof podSchema>;

export const podSettingsSection = strictObject({
    /** Size a pod aims for; auto-assignment and the picker use it to show how full a pod is. */
    idealSize: z
      .number({ error: 'idealSize must be a whole number' })
      .int({ error: 'idealSize must be a whole number' })
      .min(1, { error: 'idealSize must be at least 1' })
      .default(7),
    /** How many pods one contributor may be in at once; joining beyond it asks to switch. */
    maxPodsPerContributor: z
      .number({ error: 'maxPodsPerContributor must be a whole number' })
      .int({ error: 'maxPodsPerContributor must be a whole number' })
      .min(1, { error: 'maxPodsPerContributor must be at least 1' })
      .default(1),
    /** Pod mentions on GitHub issues and pull requests. */
    mentions: strictObject({
        /** Switch pod mention comments on or off for every repository. */
        enabled: z.boolean({ error: 'mentions.enabled must be true or false' }).default(true),
        /** An issue or PR carrying this label gets no pod mention comment. */
        optOutLabel: z.string().trim().min(1, { error: 'mentions.optOutLabel must not be empty' }).default('podbot:no-mention'),
      })
      .default({ enabled: true, optOutLabel: 'podbot:no-mention' }),
  })
  .default({ idealSize: 7, maxPodsPerContributor: 1, mentions: { enabled: true, optOutLabel: 'podbot:no-mention' } });

export type PodSettings = z.output<typeof podSettingsSection>;
