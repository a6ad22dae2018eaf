// Text rules of RFC 5545 (https://www.rfc-editor.org/rfc/rfc5545#section-3.1): lines end with
// CRLF, lines longer than 75 octets are folded with CRLF + space, and TEXT values escape
// backslash, semicolon, comma and newlines (§3.3.11).

const MAX_LINE_OCTETS = 75;

export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line; never splits a UTF-8 character across lines. */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Joins content lines into an iCalendar stream. */
export function joinIcsLines(lines: readonly string[]): string {
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/** 20261125T163000Z */
export function formatIcsUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
}

/** 20261125T163000 from a local date and 'HH:mm'. */
export function formatIcsLocal(localDate: string, time: string): string {
  return `${localDate.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** UTC offsets as ±HHMM (±HHMMSS when there are seconds), from minutes. */
export function formatIcsOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMinutes) * 60);
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${sign}${pad(hours)}${pad(minutes)}${seconds ? pad(seconds) : ''}`;
}
