// Database failures at start-up, said in one line a person can act on, instead of a driver's stack trace or
// Prisma's "denied access on the database `(not available)`". They are configuration problems (DATABASE_URL,
// PODBOT_DATA_DIR, the server's roles and databases), so they exit with the configuration exit code.
import { MigrationError } from './migrate';

/** Exit code for configuration problems, as for an invalid environment variable. */
export const CONFIG_EXIT_CODE = 2;
/** Exit code for a failure that is not a configuration problem (e.g. a migration that cannot be applied). */
export const FAILURE_EXIT_CODE = 1;

/** A database problem at start, worded for a person (describeStartError); `exitCode` is what the process exits with. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Rethrows a failure to open or migrate the database as a DatabaseStartError when it is one podbot can word. */
export function explainStartError(error: unknown, target: DatabaseTarget): never {
  const problem = describeStartError(error, target);
  if (!problem) throw error;
  throw new DatabaseStartError(problem.message, problem.exitCode, { cause: error });
}

export interface StartProblem {
  message: string;
  exitCode: number;
}

export interface DatabaseTarget {
  /** DATABASE_URL, when set. */
  url?: string;
  /** PODBOT_DATA_DIR, for the embedded database. */
  dataDir?: string;
}

interface AdapterCause {
  kind?: string;
  originalCode?: string;
  originalMessage?: string;
  host?: string;
  port?: number;
  db?: string;
  user?: string;
}

/** The server, user and database named by a DATABASE_URL, without its password. */
function describeUrl(url: string): { where: string; user: string; database: string } {
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username) || process.env.PGUSER || 'the default user';
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
    return { where: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`, user, database };
  } catch {
    return { where: 'the server in DATABASE_URL', user: 'the user in DATABASE_URL', database: 'the database in DATABASE_URL' };
  }
}

function adapterCause(error: unknown): AdapterCause | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const meta = (current as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta;
    if (meta?.driverAdapterError?.cause) return meta.driverAdapterError.cause;
    const cause = (current as { cause?: AdapterCause & { kind?: string } }).cause;
    if (cause && typeof cause === 'object' && 'kind' in cause) return cause;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const errnoOf = (error: unknown): { code?: string; path?: string } => {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, path } = current as { code?: unknown; path?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { code, path: typeof path === 'string' ? path : undefined };
    current = (current as { cause?: unknown }).cause;
  }
  return {};
};

/**
 * One line saying what is wrong and what to fix, for a failure to open or migrate the database at start;
 * undefined for failures this does not recognise (reported as they are).
 */
export function describeStartError(error: unknown, target: DatabaseTarget): StartProblem | undefined {
  if (error instanceof MigrationError) return { message: error.message, exitCode: FAILURE_EXIT_CODE };
  const config = (message: string): StartProblem => ({ message, exitCode: CONFIG_EXIT_CODE });

  if (target.url) {
    const { where, user, database } = describeUrl(target.url);
    const cause = adapterCause(error);
    const original = cause?.originalMessage ?? '';
    switch (cause?.kind) {
      case 'DatabaseNotReachable':
        return config(
          `cannot reach the PostgreSQL server at ${where} (DATABASE_URL): start it, or correct the host and port in DATABASE_URL ` +
            '(unset DATABASE_URL to use the embedded database)',
        );
      case 'AuthenticationFailed':
        return config(`the PostgreSQL server at ${where} refused the password of user "${cause.user ?? user}": correct the password in DATABASE_URL`);
      case 'DatabaseDoesNotExist':
        return config(
          `the PostgreSQL server at ${where} has no database "${cause.db ?? database}": create it (createdb ${cause.db ?? database}) ` +
            'or correct the database name in DATABASE_URL',
        );
      case 'DatabaseAccessDenied': {
        const role = /role "([^"]+)" does not exist/.exec(original);
        if (role) {
          return config(
            `the PostgreSQL server at ${where} has no role "${role[1]}": create it (CREATE ROLE "${role[1]}" LOGIN PASSWORD '…') ` +
              'or correct the user name in DATABASE_URL',
          );
        }
        const denied = /permission denied for database "?([^"\s]+)"?/.exec(original);
        if (denied) return config(`user "${user}" may not connect to database "${denied[1]}" on ${where}: GRANT CONNECT ON DATABASE ${denied[1]} TO "${user}"`);
        return config(`the PostgreSQL server at ${where} refused user "${user}"${original ? ` (${original})` : ''}: check its pg_hba.conf and the user in DATABASE_URL`);
      }
      case 'TooManyConnections':
        return config(`the PostgreSQL server at ${where} has no connection to spare: raise its max_connections or lower other clients' pools`);
      case 'postgres':
        if ((cause as { code?: string }).code === '42501') {
          return config(`user "${user}" may not create or change tables in database "${database}" on ${where}: GRANT CREATE ON SCHEMA public TO "${user}", or use the owner`);
        }
        break;
    }
    if (/timeout/i.test(String((error as Error)?.message))) {
      return config(`no answer from the PostgreSQL server at ${where} in time (DATABASE_URL): check that it is running and that the host and port are right`);
    }
    return undefined;
  }

  const { code, path } = errnoOf(error);
  const dir = target.dataDir ?? 'the data directory';
  if (code === 'EACCES' || code === 'EPERM') {
    return config(`cannot write the embedded database in ${path ?? dir}: permission denied; make the directory writable by this user or set PODBOT_DATA_DIR elsewhere`);
  }
  if (code === 'ENOSPC') return config(`no space left for the embedded database in ${dir}: free some space or set PODBOT_DATA_DIR elsewhere`);
  if (code === 'ENOTDIR' || code === 'EEXIST') return config(`${path ?? dir} is not a directory: set PODBOT_DATA_DIR to a directory for the embedded database`);
  const message = String((error as Error)?.message ?? '');
  if (message.includes('is not empty but holds no database')) return config(message);
  return undefined;
}
