// Database problems at start-up come out as one line that says what to fix: against the real PostgreSQL server
// (wrong port, unknown role, missing database), a loopback server that refuses the password (the test server
// trusts every local connection, so it never asks for one), and the embedded database's directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database';
import { CONFIG_EXIT_CODE, describeStartError, type DatabaseTarget } from '../../src/db/start-errors';
import { testDatabaseUrl } from '../support/database';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'podbot-start-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Opens and migrates the database as start-up does; returns what start-up would say about the failure. */
async function startProblem(target: DatabaseTarget) {
  let error: unknown;
  try {
    const db = await openDatabase({ url: target.url, dataDir: target.dataDir ?? '' });
    try {
      await db.migrate();
    } finally {
      await db.close().catch(() => {});
    }
  } catch (e) {
    error = e;
  }
  expect(error, 'opening the database should have failed').toBeDefined();
  return describeStartError(error, target);
}

/** `url` with another user, database or port. */
function variant(url: string, change: { user?: string; database?: string; port?: number }): string {
  const parsed = new URL(url);
  if (change.user) parsed.username = change.user;
  if (change.database) parsed.pathname = `/${change.database}`;
  if (change.port) parsed.port = String(change.port);
  return parsed.toString();
}

/** A free loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Speaks just enough of PostgreSQL's wire protocol to ask for a cleartext password and refuse it with the
 * server's own error (SQLSTATE 28P01), as a server with password authentication does.
 */
function passwordRefusingServer(): Promise<Server> {
  const server = createServer((socket) => {
    let startup = true;
    socket.on('data', (chunk) => {
      if (startup) {
        startup = false;
        const ask = Buffer.alloc(9);
        ask.write('R', 0);
        ask.writeInt32BE(8, 1);
        ask.writeInt32BE(3, 5); // AuthenticationCleartextPassword
        socket.write(ask);
        return;
      }
      if (chunk[0] !== 'p'.charCodeAt(0)) return;
      const fields = ['SFATAL', 'VFATAL', 'C28P01', 'Mpassword authentication failed for user "podbot"'].map((f) => Buffer.from(`${f}\0`));
      const body = Buffer.concat([...fields, Buffer.from([0])]);
      const header = Buffer.alloc(5);
      header.write('E', 0);
      header.writeInt32BE(body.length + 4, 1);
      socket.end(Buffer.concat([header, body]));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('start-up errors, PostgreSQL', () => {
  it('an unreachable server: says where, and to start it or fix DATABASE_URL', async () => {
    const port = await closedPort();
    const url = `postgres://podbot:secret-password@127.0.0.1:${port}/podbot`;
    const problem = await startProblem({ url });
    expect(problem).toEqual({
      message: `cannot reach the PostgreSQL server at 127.0.0.1:${port} (DATABASE_URL): start it, or correct the host and port in DATABASE_URL (unset DATABASE_URL to use the embedded database)`,
      exitCode: CONFIG_EXIT_CODE,
    });
    expect(problem!.message).not.toContain('secret-password');
  });

  it('a wrong password: names the user and says to correct the password', async () => {
    const server = await passwordRefusingServer();
    try {
      const { port } = server.address() as AddressInfo;
      const problem = await startProblem({ url: `postgres://podbot:wrong-password@127.0.0.1:${port}/podbot` });
      expect(problem).toEqual({
        message: `the PostgreSQL server at 127.0.0.1:${port} refused the password of user "podbot": correct the password in DATABASE_URL`,
        exitCode: CONFIG_EXIT_CODE,
      });
    } finally {
      server.close();
    }
  });

  describe.runIf(testDatabaseUrl)('on the real server', () => {
    it('a role the server does not have: names it and says how to create it', async () => {
      const url = variant(testDatabaseUrl!, { user: 'no_such_role_podbot' });
      const problem = await startProblem({ url });
      expect(problem?.message).toMatch(/^the PostgreSQL server at [^ ]+ has no role "no_such_role_podbot": create it \(CREATE ROLE "no_such_role_podbot" LOGIN PASSWORD '…'\) or correct the user name in DATABASE_URL$/);
      expect(problem?.exitCode).toBe(CONFIG_EXIT_CODE);
    });

    it('a database the server does not have: names it and says how to create it', async () => {
      const problem = await startProblem({ url: variant(testDatabaseUrl!, { database: 'no_such_database_podbot' }) });
      expect(problem?.message).toMatch(/^the PostgreSQL server at [^ ]+ has no database "no_such_database_podbot": create it \(createdb no_such_database_podbot\) or correct the database name in DATABASE_URL$/);
      expect(problem?.exitCode).toBe(CONFIG_EXIT_CODE);
    });

    it('a wrong port on the same host', async () => {
      const problem = await startProblem({ url: variant(testDatabaseUrl!, { port: await closedPort() }) });
      expect(problem?.message).toMatch(/^cannot reach the PostgreSQL server at /);
    });
  });
});

describe('start-up errors, embedded database', () => {
  it('a data directory that is not empty and holds no database', async () => {
    const dataDir = join(scratch, 'someone-elses-files');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'notes.txt'), 'mine');
    expect(await startProblem({ dataDir })).toEqual({
      message: `${dataDir} is not empty but holds no database; point PODBOT_DATA_DIR at an empty or existing database directory`,
      exitCode: CONFIG_EXIT_CODE,
    });
  });

  it('a data directory below a file', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const problem = await startProblem({ dataDir: join(file, 'pglite') });
    expect(problem?.message).toMatch(/a-file(\/pglite)? is not a directory: set PODBOT_DATA_DIR to a directory for the embedded database$/);
    expect(problem?.exitCode).toBe(CONFIG_EXIT_CODE);
  });
});

describe('start-up errors, the entry point', () => {
  let port: number;
  beforeAll(async () => {
    port = await closedPort();
  });

  it('prints one line, no stack trace, and exits with the configuration exit code', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'podbot.mjs'), 'start'], {
      cwd: scratch,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: `postgres://podbot@127.0.0.1:${port}/podbot`, PODBOT_CONFIG: join(scratch, 'none.yml'), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe(`podbot cannot start: cannot reach the PostgreSQL server at 127.0.0.1:${port} (DATABASE_URL): start it, or correct the host and port in DATABASE_URL (unset DATABASE_URL to use the embedded database)\n`);
    expect(run.status).toBe(CONFIG_EXIT_CODE);
  });
});
