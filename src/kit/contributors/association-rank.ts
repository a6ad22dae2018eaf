/**
 * GitHub's `author_association` values, strongest first: a login that was ever an OWNER counts as one.
 * https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
export const ASSOCIATION_RANK = ['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE'] as const;

/** Position in ASSOCIATION_RANK (lower is stronger), case-insensitive; unknown values rank below NONE. */
export function associationRank(association: string): number {
  const index = (ASSOCIATION_RANK as readonly string[]).indexOf(association.toUpperCase());
  return index === -1 ? ASSOCIATION_RANK.length : index;
}
