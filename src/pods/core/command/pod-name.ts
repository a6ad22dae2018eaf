/** Lowercase kebab-case, the form pod names take in config and commands. */
export const POD_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Words `/join-pod` reads as instructions rather than pod names, so no pod may be called that.
 * The config schema refuses them.
 */
export const RESERVED_POD_NAMES: readonly string[] = ['auto', 'interests', 'help'];

/**
 * The slug a person most likely meant: `Docs` → `docs`, `cli tools` → `cli-tools`, `#docs` → `docs`.
 * Returns undefined when what is left is not a valid slug.
 */
export function normalizePodName(input: string): string | undefined {
  const slug = input
    .trim()
    .replace(/^#/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return POD_SLUG.test(slug) ? slug : undefined;
}
