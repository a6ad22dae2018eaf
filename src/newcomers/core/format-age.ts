const HOUR_MS = 3_600_000;

/** How long something has waited, for people: "5 hours", "1 day", "3 days 4 hours" (whole hours, rounded down). */
export function formatAge(ms: number): string {
  const hours = Math.max(0, Math.floor(ms / HOUR_MS));
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days === 0) return part(rest, 'hour');
  return rest === 0 ? part(days, 'day') : `${part(days, 'day')} ${part(rest, 'hour')}`;
}
