// Reads `.env` at start, as `.env.example` invites: Node's own parser (util.parseEnv, what process.loadEnvFile and
// `node --env-file` use), no dependency. As with process.loadEnvFile, the environment wins: a variable already set
// (even to an empty string) keeps its value, so a deployment's settings are never overridden by a stray file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

export interface DotenvResult {
  /** The file read, or undefined when there is none. */
  path?: string;
  /** Variables taken from the file (those the environment did not already set). */
  loaded: string[];
  /** Variables in the file that the environment overrode. */
  overridden: string[];
}

/** A .env file exists but cannot be read; say which and why, in one line. */
export class DotenvError extends Error {
  override name = 'DotenvError';
}

/**
 * Loads `path` (default `.env` in the working directory) into `env` (default process.env), keeping every variable
 * the environment already has. A missing file is not an error: `.env` is optional.
 */
export function loadDotenv(path = '.env', env: NodeJS.ProcessEnv = process.env): DotenvResult {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { loaded: [], overridden: [] };
    const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new DotenvError(`${file}: cannot read the environment file (${why}); fix it or remove it`);
  }
  const loaded: string[] = [];
  const overridden: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (value === undefined) continue;
    if (Object.prototype.hasOwnProperty.call(env, name)) overridden.push(name);
    else {
      env[name] = value;
      loaded.push(name);
    }
  }
  return { path: file, loaded, overridden };
}
