// Argument parsing for the subcommands, on node:util's parseArgs in strict mode: unknown options, missing values
// and extra positionals become a UsageError that names the problem, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedOptions {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parseOptions(argv: readonly string[], options: Options, { positionals = 0 }: { positionals?: number } = {}): ParsedOptions {
  let parsed: ParsedOptions;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: positionals > 0 }) as ParsedOptions;
  } catch (error) {
    throw new UsageError(readableParseError(error as Error & { code?: string }));
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument ${parsed.positionals[positionals]}`);
  return parsed;
}

function readableParseError(error: Error & { code?: string }): string {
  const message = error.message.split('\n')[0];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const option = /'([^']+)'/.exec(message)?.[1];
      return option ? `unknown option ${option}` : message;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(--[^ ']+)/.exec(message)?.[1];
      return option ? `${option} needs a value` : message;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']+)'/.exec(message)?.[1];
      return argument ? `unexpected argument ${argument}` : message;
    }
    default:
      return message;
  }
}

/** A whole-number option within [min, max]; `fallback` when absent. `--per-page abc` is a UsageError. */
export function integerOption(value: unknown, name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const number = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, not "${text}"`);
  }
  return number;
}

/** owner/name, the way GitHub spells a repository. */
export function repoOption(value: string, name = 'repo'): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value);
  if (!match) throw new UsageError(`--${name} expects owner/name, e.g. kubernetes-sigs/kind, not "${value}"`);
  return { owner: match[1], repo: match[2] };
}
