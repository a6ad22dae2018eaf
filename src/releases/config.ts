import { z } from 'zod';
import { strictObject } from '../config/strict-object';

/**
 * GitHub rejects a release body longer than 125,000 characters
 * (https://docs.github.com/en/rest/releases/releases#update-a-release answers 422 "body is too long").
 */
export const GITHUB_RELEASE_BODY_LIMIT = 125_000;

/** The `releases:` section of podbot.yml. Absent means "all defaults". */
export const releasesSection = strictObject({
    /** Slack channel id (e.g. `C0123456789`) for the release announcement; no announcement without it. */
    channel: z
      .string()
      .regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123456789, not a #name')
      .optional(),
    /** Post the Slack announcement when a channel is set. */
    announce: z.boolean().default(true),
    /** Also write credits on `release.created` for draft releases, not only on `release.published`. */
    onDraft: z.boolean().default(false),
    /** Extra bot logins to leave out of credit; `name` also matches `name[bot]`, case-insensitively. */
    bots: z.array(z.string().min(1)).default([]),
    /**
     * Tag prefix for monorepos whose tags look like `kustomize/v5.3.0`: only releases whose tag starts
     * with this prefix can be the previous release. When unset, a tag containing `/` uses its own prefix.
     */
    tagPrefix: z.string().min(1).optional(),
    /** Upper bound for the whole release body (human text + credits block). */
    maxBodyChars: z.number().int().min(1).max(GITHUB_RELEASE_BODY_LIMIT).default(GITHUB_RELEASE_BODY_LIMIT),
  })
  .default({ announce: true, onDraft: false, bots: [], maxBodyChars: GITHUB_RELEASE_BODY_LIMIT });

export type ReleasesConfig = z.infer<typeof releasesSection>;
