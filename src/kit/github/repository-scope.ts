import { z } from 'zod';

/**
 * Where a podbot.yml setting applies: `repos:` (`owner/name`) and `orgs:` (organisation or user logins), matched
 * case-insensitively as GitHub matches names. Both may be given (either one covering a repository is enough);
 * neither means every repository. Pods and release settings use it, so one podbot can serve several organisations.
 */
export interface RepositoryScope {
  repos?: readonly string[];
  orgs?: readonly string[];
}

/** GitHub logins: letters, digits and single hyphens, at most 39 characters. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** Repository names: letters, digits, `.`, `_` and `-`. */
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/;

export const reposField = z
  .array(z.string().regex(REPOSITORY, { error: 'repos must be "owner/name", like "kubernetes-sigs/kind"' }), {
    error: 'repos must be a list of "owner/name" repositories',
  })
  .min(1, { error: 'repos must not be empty: leave it out to cover every repository' })
  .optional();

export const orgsField = z
  .array(z.string().regex(LOGIN, { error: 'orgs must be organisation logins, like "kubernetes-sigs" (no URL, no @)' }), {
    error: 'orgs must be a list of organisation logins',
  })
  .min(1, { error: 'orgs must not be empty: leave it out to cover every organisation' })
  .optional();

/** Whether a scope covers a repository (`owner/name`). No `repos` and no `orgs`: every repository. */
export function scopeCovers(scope: RepositoryScope, repository: string): boolean {
  if (!scope.repos && !scope.orgs) return true;
  const wanted = repository.toLowerCase();
  const owner = wanted.split('/')[0];
  return Boolean(scope.repos?.some((repo) => repo.toLowerCase() === wanted) || scope.orgs?.some((org) => org.toLowerCase() === owner));
}
