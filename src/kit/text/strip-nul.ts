/**
 * PostgreSQL text cannot hold U+0000 (`invalid byte sequence for encoding "UTF8": 0x00`), so input carrying it would
 * fail on every retry. Slack and GitHub pass user text through verbatim; the character has no meaning in a title
 * or a command, so it is dropped where input enters.
 */
export function stripNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** JSON.parse with every string (keys included) cleaned of U+0000. */
export function parseJsonWithoutNul(text: string): unknown {
  if (!text.includes('\\u0000') && !text.includes('\u0000')) return JSON.parse(text);
  return JSON.parse(text, function (this: Record<string, unknown>, key, value) {
    const clean = stripNul(key);
    if (clean !== key) {
      delete this[key];
      this[clean] = typeof value === 'string' ? stripNul(value) : value;
      return undefined;
    }
    return typeof value === 'string' ? stripNul(value) : value;
  });
}
