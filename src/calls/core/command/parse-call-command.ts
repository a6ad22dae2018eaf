import type { CallCommand } from '../../types';
import { parseLink } from './parse-link';
import { parseSkipDate } from '../skips/parse-skip-date';
import { findClosestMatch } from '../../../kit/text/find-closest-match';
import { escapeMrkdwn } from '../../../kit/slack/text';

export const CALL_SUBCOMMANDS = ['next', 'schedule', 'agenda', 'skip', 'unskip', 'notes', 'recording', 'help'] as const;
type Subcommand = (typeof CALL_SUBCOMMANDS)[number];

/** Agenda topics are shown in reminders; a short line keeps the message readable. */
export const MAX_TOPIC_LENGTH = 200;

const HELP_HINT = 'Type `/community-call help` to see what works.';

/**
 * Parses the text after `/community-call`: `[slug] <subcommand> [arguments]`. The slug is only
 * recognised when it is one of `slugs`; the caller picks a call when it is left out. No text
 * means `next`, the most common question. Every `invalid` result says what would work instead.
 */
export function parseCallCommand(text: string, slugs: readonly string[]): CallCommand {
  let [first, rest] = splitFirstWord(text);
  if (first === '') return { kind: 'next' };

  let slug: string | undefined;
  if (!isSubcommand(first) && slugs.includes(first)) {
    slug = first;
    [first, rest] = splitFirstWord(rest);
    if (first === '') return { kind: 'next', slug };
  }

  if (!isSubcommand(first)) {
    const candidates = slug === undefined ? [...CALL_SUBCOMMANDS, ...slugs] : [...CALL_SUBCOMMANDS];
    const suggestion = findClosestMatch(first, candidates);
    const didYouMean = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
    return { kind: 'invalid', message: `\`${escapeMrkdwn(first)}\` is not something I know.${didYouMean} ${HELP_HINT}` };
  }
  return parseArguments(first, rest, slug);
}

function parseArguments(subcommand: Subcommand, rest: string, slug: string | undefined): CallCommand {
  const withSlug = <T extends object>(command: T) => (slug === undefined ? command : { ...command, slug });
  switch (subcommand) {
    case 'next':
    case 'schedule':
    case 'help':
      return withSlug({ kind: subcommand });
    case 'agenda': {
      const topic = rest.trim();
      if (topic === '') return invalid('Add the topic after `agenda`, like `/community-call agenda Release 1.2 plans`.');
      if (topic.length > MAX_TOPIC_LENGTH) {
        return invalid(`That topic is ${topic.length} characters; keep it under ${MAX_TOPIC_LENGTH} and link to details.`);
      }
      return withSlug({ kind: 'agenda', topic });
    }
    case 'skip':
    case 'unskip': {
      const [dateText, reasonText] = splitFirstWord(rest);
      const parsed = parseSkipDate(dateText);
      if (!parsed.ok) return invalid(`${parsed.message} For example \`/community-call ${subcommand} 2026-11-25\`.`);
      if (subcommand === 'unskip') return withSlug({ kind: 'unskip', date: parsed.date });
      const reason = reasonText.trim();
      return withSlug(reason === '' ? { kind: 'skip', date: parsed.date } : { kind: 'skip', date: parsed.date, reason });
    }
    case 'notes':
    case 'recording': {
      const parsed = parseLink(rest, subcommand);
      if (!parsed.ok) return invalid(parsed.message);
      return withSlug({ kind: subcommand, url: parsed.url });
    }
  }
}

function invalid(message: string): CallCommand {
  return { kind: 'invalid', message };
}

function isSubcommand(word: string): word is Subcommand {
  return (CALL_SUBCOMMANDS as readonly string[]).includes(word);
}

/** First word lower-cased, and the rest of the text with its own spacing kept. */
function splitFirstWord(text: string): [string, string] {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(text);
  return match ? [match[1].toLowerCase(), match[2]] : ['', ''];
}
