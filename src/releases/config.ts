import { z } from 'zod';
import { strictObject } from '../config/strict-object';
import { orgsField, reposField, scopeCovers } from '../kit/github/repository-scope';

/**
 * GitHub rejects a release body longer than 125,000 characters
 * (https://docs.github.com/en/rest/releases/releases#update-a-release answers 422 "body is too long").
 */
export const GITHUB_RELEASE_BODY_LIMIT = 125_000;

const CHANNEL = /^[CGD][A-Z0-9]{2,}$/;

/** The release settings, with what each means; every field of an override is one of these, without its default. */
const settings = {
  /** Slack channel id (e.g. `C0123456789`) for the release announcement; no announcement without it. */
  channel: z.string().regex(CHANNEL, 'must be a Slack channel id such as C0123456789, not a #name'),
  /** Post the Slack announcement when a channel is set. */
  announce: z.boolean({ error: 'must be true or false' }),
  /** Also write credits on `release.created` for draft releases, not only on `release.published`. */
  onDraft: z.boolean({ error: 'must be true or false' }),
  /** Extra bot logins to leave out of credit; `name` also matches `name[bot]`, case-insensitively. */
  bots: z.array(z.string().min(1)),
  /**
   * Tag prefix for monorepos whose tags look like `kustomize/v5.3.0`: only releases whose tag starts
   * with this prefix can be the previous release. When unset, a tag containing `/` uses its own prefix.
   */
  tagPrefix: z.string().min(1),
  /** Upper bound for the whole release body (human text + credits block). */
  maxBodyChars: z.number().int().min(1).max(GITHUB_RELEASE_BODY_LIMIT),
};

/**
 * One entry of `releases.overrides`: settings for some repositories or organisations. Organisation overrides apply
 * first, then repository ones (the more specific wins), each in file order; `bots` add to the list above them.
 */
const overrideSchema = strictObject({
    repos: reposField,
    orgs: orgsField,
    channel: settings.channel.optional(),
    announce: settings.announce.optional(),
    onDraft: settings.onDraft.optional(),
    bots: settings.bots.optional(),
    tagPrefix: settings.tagPrefix.optional(),
    maxBodyChars: settings.maxBodyChars.optional(),
  })
  .refine((override) => override.repos || override.orgs, { error: 'an override needs repos: [owner/name] or orgs: [login] to say where it applies' });

/** The `releases:` section of podbot.yml. Absent means "all defaults". */
export const releasesSection = strictObject({
    channel: settings.channel.optional(),
    announce: settings.announce.default(true),
    onDraft: settings.onDraft.default(false),
    bots: settings.bots.default([]),
    tagPrefix: settings.tagPrefix.optional(),
    maxBodyChars: settings.maxBodyChars.default(GITHUB_RELEASE_BODY_LIMIT),
    /** Settings for some repositories or organisations, over the ones above (one podbot, several organisations). */
    overrides: z.array(overrideSchema).optional(),
  })
  .default({ announce: true, onDraft: false, bots: [], maxBodyChars: GITHUB_RELEASE_BODY_LIMIT });

export type ReleasesConfig = z.infer<typeof releasesSection>;
export type ReleasesOverride = z.infer<typeof overrideSchema>;

/**
 * The release settings for one repository (`owner/name`): the section's own, then the matching organisation
 * overrides, then the matching repository ones. The result has no overrides left, so resolving again changes nothing.
 */
export function releaseSettingsFor(releases: ReleasesConfig, repository: string): ReleasesConfig {
  const { overrides = [], ...own } = releases;
  const matching = overrides.filter((override) => scopeCovers(override, repository));
  const byRepository = (override: ReleasesOverride) => Boolean(override.repos && scopeCovers({ repos: override.repos }, repository));
  const ordered = [...matching.filter((override) => !byRepository(override)), ...matching.filter(byRepository)];
  let resolved: ReleasesConfig = own;
  for (const { repos: _repos, orgs: _orgs, bots, ...rest } of ordered) {
    const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    resolved = { ...resolved, ...defined, bots: bots ? [...resolved.bots, ...bots] : resolved.bots };
  }
  return resolved;
}
