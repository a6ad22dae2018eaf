import { CREDITS_END, CREDITS_START } from './render-credits-block';

export interface UpsertResult {
  body: string;
  /** False when the body already holds exactly this block: the caller must not edit the release. */
  changed: boolean;
}

/**
 * Puts the credits block into a release body: replaces the existing marked block, or appends it after a
 * blank line. Everything outside the block is kept byte for byte.
 *
 * The existing block is the last start marker before the first end marker, so a stray start marker a
 * human left behind can never make a later run swallow the text between it and our block.
 * Bodies edited in GitHub's web editor come back with CRLF line ends; a block that differs only in those
 * is treated as unchanged, so re-running never edits a release for nothing.
 */
export function upsertCreditsBlock(body: string | null | undefined, block: string): UpsertResult {
  const current = body ?? '';
  const end = current.indexOf(CREDITS_END);
  const start = end === -1 ? -1 : current.lastIndexOf(CREDITS_START, end);
  if (start !== -1) {
    const existing = current.slice(start, end + CREDITS_END.length);
    if (existing.replace(/\r\n/g, '\n') === block.replace(/\r\n/g, '\n')) return { body: current, changed: false };
    return { body: current.slice(0, start) + block + current.slice(end + CREDITS_END.length), changed: true };
  }
  if (current === '') return { body: block, changed: true };
  const separator = /(\r?\n){2}$/.test(current) ? '' : /\r?\n$/.test(current) ? '\n' : '\n\n';
  return { body: current + separator + block, changed: true };
}
