// Reminder offsets are written like '24h', '1h', '15m', '2d' or '1h30m'. They are stored in claim
// keys (`…/reminder:24h`), so every spelling of the same length is normalised to one label:
// otherwise rewriting '1d' as '24h' in podbot.yml would look like a new reminder and send twice.

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Minutes in a duration such as '1h30m', or undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  const [days, hours, minutes] = [match[1], match[2], match[3]].map((part) => Number(part ?? 0));
  return days * 1440 + hours * 60 + minutes;
}

/** The one label for a length of time: 1440 → '24h', 90 → '1h30m', 15 → '15m'. */
export function formatDuration(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes}m`;
  return minutes === 0 ? `${hours}h` : `${hours}h${minutes}m`;
}
