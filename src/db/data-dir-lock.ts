// One process at a time on an embedded data directory. PGlite is an in-process PostgreSQL with no server to
// arbitrate between processes: two processes opening the same directory corrupt it. The server and every CLI
// command that opens the embedded database take this lock first; a second one is refused with a message that
// says who holds it. A lock left by a process that died is taken over.
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export class DataDirectoryInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; purpose: string },
  ) {
    super(
      `the embedded database in ${dataDir} is in use by ${holder.purpose} (process ${holder.pid}). ` +
        'Stop it first, or run this against PostgreSQL (DATABASE_URL), where any number of processes can connect.',
    );
    this.name = 'DataDirectoryInUseError';
  }
}

export interface DataDirectoryLock {
  path: string;
  release(): Promise<void>;
}

/** The lock file of a data directory: beside it, so the directory itself holds only PostgreSQL's files. */
export function lockPath(dataDir: string): string {
  return `${resolve(dataDir).replace(/[/\\]+$/, '')}.lock`;
}

/** Takes the lock on `dataDir` for `purpose` (e.g. "podbot start"); throws DataDirectoryInUseError if a live process holds it. */
export async function lockDataDirectory(dataDir: string, purpose: string): Promise<DataDirectoryLock> {
  const path = lockPath(dataDir);
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(JSON.stringify({ pid: process.pid, purpose, host: hostname() }));
      await file.close();
      let released = false;
      return {
        path,
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = await readHolder(path);
    if (holder && holder.host === hostname() && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new DataDirectoryInUseError(resolve(dataDir), holder);
    }
    // Left by a process that is gone (or by this very process id after a container restart): take it over.
    await rm(path, { force: true });
  }
}

async function readHolder(path: string): Promise<{ pid: number; purpose: string; host: string } | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; purpose?: unknown; host?: unknown };
    if (typeof value.pid !== 'number') return undefined;
    return { pid: value.pid, purpose: String(value.purpose ?? 'another process'), host: String(value.host ?? hostname()) };
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
