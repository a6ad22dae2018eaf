// Writing settings into a .env file, as podbot reads it back (dotenv.ts: Node's util.parseEnv, then readEnv, which
// turns `\n` in GITHUB_PRIVATE_KEY into newlines). Values go on one line, unquoted: Node's parser, Docker's
// --env-file and Compose's env_file then all read the same characters.
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import { unescapeNewlines } from './env';

export interface EnvFilePlan {
  /** The new file. */
  text: string;
  /** Keys whose line was replaced (their value was empty, or `force`). */
  replaced: string[];
  /** Keys added at the end. */
  added: string[];
  /** Keys that already have a value and were left alone (without `force`): nothing should be written then. */
  conflicts: string[];
}

/**
 * A value as one unquoted .env line holds it: newlines become `\n`. Throws when the value would not read back the
 * same (a quote, `#`, a backslash or surrounding spaces would need quoting that Docker's --env-file does not undo).
 */
export function encodeEnvValue(name: string, value: string): string {
  const encoded = value.replace(/\r?\n/g, '\\n');
  const read = parseEnv(`${name}=${encoded}\n`)[name];
  if (/["'`#$]/.test(encoded) || read === undefined || unescapeNewlines(read) !== value.replace(/\r\n/g, '\n')) {
    throw new Error(`${name}: the value cannot be written on one unquoted .env line`);
  }
  return encoded;
}

const line = (name: string) => new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`);

/**
 * Sets `entries` in the text of a .env file: a key already present with an empty value (as copied from
 * .env.example) is replaced where it stands; one with a value is a conflict unless `force`; a missing one is added
 * at the end. Other lines are kept as they are. Repeated lines of a key are folded into one.
 */
export function planEnvFile(text: string, entries: Record<string, string>, { force = false } = {}): EnvFilePlan {
  const names = Object.keys(entries);
  const conflicts = force ? [] : keysWithValues(text, names);
  const replaced: string[] = [];
  const added: string[] = [];
  let lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  for (const name of names) {
    if (conflicts.includes(name)) continue;
    const assignment = `${name}=${encodeEnvValue(name, entries[name])}`;
    const at = lines.findIndex((l) => line(name).test(l));
    if (at === -1) {
      lines.push(assignment);
      added.push(name);
    } else {
      lines = lines.filter((l, i) => i === at || !line(name).test(l));
      lines[at] = assignment;
      replaced.push(name);
    }
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', replaced, added, conflicts };
}

/** Which of `names` the .env text already gives a value (an empty `NAME=` does not count). */
export function keysWithValues(text: string, names: readonly string[]): string[] {
  const current = parseEnv(text);
  return names.filter((name) => (current[name] ?? '').trim() !== '');
}

/** The text of a .env file, '' when there is none. */
export async function readEnvFile(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
}

/**
 * Writes `text` to the .env file at `path`, readable by its owner only (0600: it holds secrets), through a temporary file
 * renamed over it, so the file is never left half written.
 */
export async function writeEnvFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
