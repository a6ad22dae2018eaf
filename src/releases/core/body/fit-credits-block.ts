import { COLLAPSE_LEVELS, renderCreditsBlock, type CollapseLevel } from './render-credits-block';
import type { Credits } from '../../types';
import { upsertCreditsBlock } from './upsert-credits-block';

/** Even PR counts with every contributor's name do not fit: the caller reports this instead of editing. */
export class CreditsTooLongError extends Error {
  readonly code = 'RELEASE_CREDITS_TOO_LONG';
  constructor(
    /** Length of the smallest body we could build. */
    readonly smallestLength: number,
    readonly maxBodyChars: number,
  ) {
    super(
      `The release body would be ${smallestLength} characters even with PR lists reduced to counts, ` +
        `over the limit of ${maxBodyChars}; shorten the release text or credit fewer pods.`,
    );
    this.name = 'CreditsTooLongError';
  }
}

export interface FittedBody {
  body: string;
  changed: boolean;
  level: CollapseLevel;
}

/**
 * Renders the credits at the most detailed level whose resulting WHOLE body (human text + block) stays
 * within `maxBodyChars`. GitHub rejects release bodies over 125,000 characters
 * (https://docs.github.com/en/rest/releases/releases#update-a-release); the length is measured in UTF-16
 * code units, which is never less than the character count GitHub applies, so the check errs on the safe side.
 */
export function fitCreditsBlock(body: string | null | undefined, credits: Credits, maxBodyChars: number): FittedBody {
  let smallest = Infinity;
  for (const level of COLLAPSE_LEVELS) {
    const result = upsertCreditsBlock(body, renderCreditsBlock(credits, level));
    if (result.body.length <= maxBodyChars) return { ...result, level };
    smallest = Math.min(smallest, result.body.length);
  }
  throw new CreditsTooLongError(smallest, maxBodyChars);
}
