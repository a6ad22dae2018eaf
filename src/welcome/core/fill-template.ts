/**
 * Replaces `{name}`-style placeholders in a podbot.yml template. Unknown placeholders are left as typed, so a
 * typo in the template shows up in the message instead of silently vanishing.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key] : whole));
}
