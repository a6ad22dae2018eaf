import { escapeMrkdwn } from '../../../kit/slack/text';
import { isLocalDate } from '../occurrences/local-dates';

export type ParsedDate = { ok: true; date: string } | { ok: false; message: string };

/** A date typed after `skip` / `unskip`: the call's local date as YYYY-MM-DD. */
export function parseSkipDate(text: string | undefined): ParsedDate {
  const value = (text ?? '').trim();
  if (value === '') return { ok: false, message: 'Add the date of the call, like `2026-11-25`.' };
  if (isLocalDate(value)) return { ok: true, date: value };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { ok: false, message: `\`${value}\` is not a real date. Use the call's date, like \`2026-11-25\`.` };
  }
  return { ok: false, message: `\`${escapeMrkdwn(value)}\` is not a date I can read. Write it as YYYY-MM-DD, like \`2026-11-25\`.` };
}
