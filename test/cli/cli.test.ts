// The podbot CLI: help, usage errors and exit codes for every command, outbox dead letters, the lock on the
// embedded data directory, and `npm start` stopped by its process id.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { commands } from '../../src/cli/commands';
import { lockPath } from '../../src/db/data-dir-lock';
import { openDatabase } from '../../src/db/open-database';
import { freshDatabase, onPostgres, type TestDatabase } from '../support/database';

const root = join(import.meta.dirname, '..', '..');

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { env: { PATH: process.env.PATH ?? '', ...env }, io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) } });
  return { code, out: out.join(''), err: err.join('') };
}

describe('podbot CLI arguments', () => {
  it('lists every command, and each answers --help with its usage and exit codes', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['start', 'migrate', 'diff', 'db export', 'db import', 'release-notes', 'backfill', 'pods plan', 'outbox list', 'outbox retry']) expect(top.out).toContain(`  ${name} `);
    for (const command of commands) {
      const help = await cli([...command.name.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(help.out.startsWith(`usage: podbot ${command.name}`)).toBe(true);
      expect(help.out).toContain('exit codes: 0');
    }
  });

  it.each([
    [['backfill', '--repo', 'a/b', '--per-page', 'abc'], '--per-page expects a whole number from 1 to 100, not "abc"'],
    [['backfill', '--repo', 'a/b', '--per-page', '101'], '--per-page expects a whole number from 1 to 100, not "101"'],
    [['backfill'], '--repo owner/name is required'],
    [['release-notes', '--repo'], '--repo needs a value'],
    [['release-notes', '--repo', 'a/b', '--tag', 'v1', '--force'], 'unknown option --force'],
    [['migrate', 'now'], 'unexpected argument now'],
    [['diff', 'Add Notes'], 'the name may hold lowercase letters, digits and _ only, not "Add Notes"'],
    [['outbox', 'list', '--limit', '0'], '--limit expects a whole number from 1 to 500, not "0"'],
    [['outbox', 'retry'], 'at least one job id is required'],
    [['db', 'export'], '--out FILE is required'],
    [['db', 'export', '--out', 'podbot.sql', 'now'], 'unexpected argument now'],
    [['db', 'import', '--in'], '--in needs a value'],
    [['db', 'import', '--file', 'podbot.sql'], 'unknown option --file'],
  ])('rejects %j with the reason and the usage, exit 2, no stack trace', async (argv, reason) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(reason);
    expect(result.err).toContain('usage: podbot ');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('rejects unknown commands and a group without its subcommand, exit 2', async () => {
    expect(await cli(['deploy'])).toMatchObject({ code: 2, err: expect.stringContaining('podbot: unknown command deploy') });
    expect(await cli(['pods'])).toMatchObject({ code: 2, err: expect.stringContaining('a subcommand is required: podbot pods plan') });
    expect(await cli(['outbox', 'purge'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown subcommand purge: podbot outbox list | retry') });
    expect(await cli(['db'])).toMatchObject({ code: 2, err: expect.stringContaining('a subcommand is required: podbot db export | import') });
    expect((await cli([])).code).toBe(2);
  });

  it('reports configuration problems, one line each, with exit 2', async () => {
    const result = await cli(['migrate'], { DATABASE_URL: 'mysql://db/podbot', LOG_LEVEL: 'chatty' });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^podbot migrate: 2 configuration problems\n {2}- DATABASE_URL: .*\n {2}- LOG_LEVEL: /);
    const start = await cli(['start'], { PORT: 'x', PODBOT_CONFIG: '/nonexistent/podbot.yml' });
    expect(start).toMatchObject({ code: 2, err: 'podbot cannot start: 1 configuration problem\n  - PORT: expected a port number\n' });
    const backfill = await cli(['backfill', '--repo', 'a/b']);
    expect(backfill).toMatchObject({ code: 2, err: expect.stringContaining('GITHUB_TOKEN: backfill needs GitHub API access') });
  });
});

describe('podbot outbox and the database', () => {
  let dir: string;
  let db: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podbot-cli-'));
    const database = onPostgres ? (db = await freshDatabase()) : await openDatabase({ dataDir: join(dir, 'data') });
    await database.migrate();
    const when = new Date('2026-11-20T10:00:00Z');
    await database.prisma.outboxJob.createMany({
      data: [
        { key: 'refused', target: 'slack', method: 'chat.postMessage', payload: {}, status: 'failed', attempts: 1, lastError: 'channel_not_found', updatedAt: when },
        { key: 'outage', target: 'github', method: 'issues.createComment', payload: {}, status: 'dead', attempts: 9, lastError: 'gave_up: 503 for 24 h', updatedAt: when },
        { key: 'sent', target: 'slack', method: 'chat.postMessage', payload: {}, status: 'done', attempts: 1 },
      ],
    });
    if (!db) await database.close();
    env = { PODBOT_CONFIG: join(dir, 'podbot.yml'), LOG_LEVEL: 'silent', ...(db?.url ? { DATABASE_URL: db.url } : { PODBOT_DATA_DIR: join(dir, 'data') }) };
  });
  afterAll(async () => {
    await db?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists dead letters, retries one, and says so when an id is not a dead letter', async () => {
    const listed = await cli(['outbox', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    const letters = JSON.parse(listed.out) as { id: number; key: string; reason: string }[];
    expect(letters.map((l) => l.key).sort()).toEqual(['outage', 'refused']);
    const table = await cli(['outbox', 'list'], env);
    expect(table.out).toContain('channel_not_found');
    expect(table.err).toContain('2 dead letters');

    const refused = letters.find((l) => l.key === 'refused')!;
    expect(await cli(['outbox', 'retry', String(refused.id)], env)).toMatchObject({ code: 0, out: `${refused.id}\tqueued\n` });
    const again = await cli(['outbox', 'retry', String(refused.id)], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`no dead letter with id ${refused.id}`);
    expect(JSON.parse((await cli(['outbox', 'list', '--json'], env)).out).map((l: { key: string }) => l.key)).toEqual(['outage']);
    expect((await cli(['migrate'], env)).err).toMatch(/^database is up to date/);
  });

  it.skipIf(onPostgres)('refuses the embedded data directory while another process holds it, and takes over a stale lock', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const { hostname } = await import('node:os');
      await writeFile(lockPath(env.PODBOT_DATA_DIR), JSON.stringify({ pid: holder.pid, purpose: 'podbot start', host: hostname() }));
      const refused = await cli(['outbox', 'list'], env);
      expect(refused.code).toBe(1);
      expect(refused.err).toBe(
        `podbot outbox list: the embedded database in ${env.PODBOT_DATA_DIR} is in use by podbot start (process ${holder.pid}). Stop it first, or run this against PostgreSQL (DATABASE_URL), where any number of processes can connect.\n`,
      );
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect((await cli(['outbox', 'list'], env)).code).toBe(0);
    expect(existsSync(lockPath(env.PODBOT_DATA_DIR))).toBe(false);
  });
});

describe.skipIf(onPostgres)('npm start', () => {
  it('is stopped gracefully by stopping npm by its process id, and another CLI is refused while it runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podbot-npm-start-'));
    const dataDir = join(dir, 'data', 'pglite');
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const npm = spawn('npm', ['start'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), PODBOT_DATA_DIR: dataDir, PODBOT_CONFIG: join(dir, 'podbot.yml') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    npm.stdout.on('data', (d) => (stdout += d));
    npm.stderr.on('data', () => {});
    try {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status, { timeout: 60_000, interval: 250 })
        .toBe(200);
      const { pid } = JSON.parse(await readFile(lockPath(dataDir), 'utf8')) as { pid: number };
      expect(pid).not.toBe(npm.pid);
      const refused = await cli(['migrate'], { PODBOT_DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`in use by podbot start (process ${pid})`);

      npm.kill('SIGTERM');
      await expect
        .poll(() => { try { process.kill(pid, 0); return 'running'; } catch { return 'gone'; } }, { timeout: 20_000, interval: 200 })
        .toBe('gone');
      expect(stdout).toContain('"msg":"stopped"');
      expect(existsSync(lockPath(dataDir))).toBe(false);
    } finally {
      npm.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
