/** Experience level; "mixed ability" means a pod should not fill up with one level. */
export type Level = 'newcomer' | 'regular' | 'maintainer';

export const LEVELS: readonly Level[] = ['newcomer', 'regular', 'maintainer'];
