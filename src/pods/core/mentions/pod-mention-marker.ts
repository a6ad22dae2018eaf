/**
 * The hidden marker at the top of a pod mention comment: `<!-- podbot:pod-mention docs,cli -->`.
 * GitHub keeps HTML comments in the body but does not show them, so a later event (or a redelivery
 * after a crash) can read which pods were already mentioned from the comments themselves.
 */
export function podMentionMarker(podNames: readonly string[]): string {
  return `<!-- podbot:pod-mention ${podNames.join(',')} -->`;
}

const MARKER = /<!--\s*podbot:pod-mention\s+([a-z0-9,\s-]*?)\s*-->/g;

/** Pod names in every pod mention marker of a comment body, in order, without repeats. */
export function readPodMentionMarker(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(MARKER)) {
    for (const name of match[1].split(',')) {
      const trimmed = name.trim();
      if (trimmed !== '' && !names.includes(trimmed)) names.push(trimmed);
    }
  }
  return names;
}
