// podbot db export and import: an embedded database filled by the real app (a pod join, a GitHub welcome, a call
// agenda item, the outbox's sends) is exported to plain SQL and imported into a new data directory (and, with
// `npm run test:postgres`, into an empty PostgreSQL database); every row of every table comes back, podbot's
// database starts on the copy and keeps writing. The refusals leave the target as it was.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { lockPath } from '../../src/db/data-dir-lock';
import { openDatabase, type Database } from '../../src/db/open-database';
import { callEntry, ask } from '../calls/call-app';
import { commandReply } from '../pods/app-helpers';
import { onPostgres, testDatabaseUrl, type TestDatabase } from '../support/database';
import { startTestApp } from '../support/test-app';
import { anIssueEvent } from '../welcome/github-payloads';
import { MIGRATIONS_DIR } from '../../src/paths';

async function cli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env }, io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) } });
  return { code, out: out.join(''), err: err.join('') };
}

const config = {
  admins: ['U0ADMIN'],
  pods: [{ name: 'docs', area: "The website's guides; \"quick start\" too", labels: ['area/docs'], advocates: ['U0ADVOCATE'], channel: 'C0DOCS' }],
  calls: [callEntry()],
  welcome: { contributingUrl: 'https://podland.example/contributing' },
};
// Text that a naive SQL splitter or quoting would break: quotes, semicolons, a comment marker, dollar quotes,
// a backslash at the start of a line, non-ASCII.
const AWKWARD = `Fix the 'quick start'; it says $$DROP$$ -- not a comment\n\\o/ naïve “quotes”`;

const tablesOf = (snap: Record<string, string[]>) => Object.keys(snap).filter((key) => !key.startsWith('('));
const migrations = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).length;

const asTestDatabase = (db: Database): TestDatabase => ({ ...db, destroy: () => db.close() });

/** What migrations made besides tables, as PostgreSQL prints it back: it must all come along with the rows. */
const SCHEMA_OBJECTS = {
  '(indexes)': `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'public'`,
  '(constraints)': `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
  '(triggers)': `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal`,
  '(functions)': `SELECT proname || ' ' || prosrc AS def FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
};

/**
 * Every row of every table in schema public, as JSON text, and the indexes, constraints, triggers and functions,
 * sorted: two databases with the same schema and data compare equal.
 */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  const rows: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const found = await db.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM public."${tablename}" t`);
    rows[tablename] = found.map((r) => r.row).sort();
  }
  for (const [name, query] of Object.entries(SCHEMA_OBJECTS)) {
    rows[name] = (await db.prisma.$queryRawUnsafe<{ def: string }[]>(query)).map((r) => r.def).sort();
  }
  return rows;
}

/** podbot on the database: a new person joins the pod, which inserts rows after the imported ones. */
async function joinsThePod(db: Database, user: string): Promise<string> {
  const t = await startTestApp({ config, db: asTestDatabase(db) });
  try {
    const reply = await commandReply(t, '/join-pod', 'docs', user);
    await t.drain();
    return reply.text;
  } finally {
    await t.stop({ keepDatabase: true });
  }
}

/** Pretends `podbot start` (another live process) holds the data directory's lock while `run` runs. */
async function whileHeld<T>(dataDir: string, run: () => Promise<T>): Promise<{ result: T; pid: number }> {
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    await mkdir(join(dataDir, '..'), { recursive: true });
    await writeFile(lockPath(dataDir), JSON.stringify({ pid: holder.pid, purpose: 'podbot start', host: hostname() }));
    return { result: await run(), pid: holder.pid! };
  } finally {
    holder.kill();
    await new Promise((resolve) => holder.once('exit', resolve));
    await rm(lockPath(dataDir), { force: true });
  }
}

/** A new, empty database on the test server (not even podbot's tables). */
async function emptyPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `podbot_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: testDatabaseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

describe('podbot db export and import', () => {
  let dir: string;
  let sourceDir: string;
  let dump: string;
  let before: Record<string, string[]>;
  let exported: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podbot-db-export-'));
    sourceDir = join(dir, 'source', 'pglite');
    const source = await openDatabase({ dataDir: sourceDir });
    await source.migrate();
    const t = await startTestApp({ config, db: asTestDatabase(source) });
    expect((await commandReply(t, '/join-pod', 'docs', 'U0JOINER')).text).toMatch(/^You joined the \*Docs\* pod\./);
    expect((await t.webhook('issues', anIssueEvent('opened', { number: 7, login: 'newbie', labels: ['area/docs'], title: AWKWARD }))).status).toBe(202);
    expect((await ask(t, `community-call agenda ${AWKWARD.replace('\n', ' ')}`)).text).toMatch(/^Added/);
    await t.drain();
    await t.stop(); // closes the database: export needs it to itself, as it needs podbot stopped
    const reopened = await openDatabase({ dataDir: sourceDir });
    before = await snapshot(reopened);
    await reopened.close();
    dump = join(dir, 'podbot.sql');
    exported = await cli(['db', 'export', '--out', dump], { PODBOT_DATA_DIR: sourceDir });
  }, 180_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exports the embedded database as readable plain SQL and prints the rows per table', async () => {
    const rows = tablesOf(before).reduce((sum, table) => sum + before[table].length, 0);
    expect(exported.err).toMatch(new RegExp(`^wrote .*podbot\\.sql: ${tablesOf(before).length} tables, ${rows} rows from .*source/pglite \\(PostgreSQL 17\\.\\d+\\)\\n$`));
    expect(exported.code).toBe(0);
    const lines = exported.out.trimEnd().split('\n');
    expect(lines).toHaveLength(tablesOf(before).length);
    for (const line of lines) {
      const [table, rows] = line.split('\t');
      expect(Number(rows), table).toBe(before[table].length);
    }
    // Something in each of the flows that ran.
    for (const table of ['Pod', 'Contributor', 'Membership', 'LedgerEntry', 'AgendaItem', 'OutboxJob', 'WebhookDelivery', '_prisma_migrations', '(indexes)', '(triggers)', '(functions)']) {
      expect(before[table].length, table).toBeGreaterThan(0);
    }

    const sql = await readFile(dump, 'utf8');
    expect(sql.startsWith('--\n-- PostgreSQL database dump\n--\n')).toBe(true);
    expect(sql).toContain('CREATE TABLE public."Membership" (');
    expect(sql).toMatch(/^INSERT INTO public\."Pod" VALUES \(/m);
    expect(sql).toMatch(/^INSERT INTO public\._prisma_migrations VALUES \(/m);
    expect(sql).toContain("Fix the ''quick start''; it says $$DROP$$ -- not a comment\n\\o/ naïve “quotes”");
    expect(sql).not.toMatch(/OWNER TO|^GRANT /m); // loads as whichever role imports it
    expect(sql.trimEnd().endsWith('-- PostgreSQL database dump complete\n--')).toBe(true);
    expect(existsSync(lockPath(sourceDir))).toBe(false);
  });

  it('imports into an empty data directory: the same rows in every table, and podbot starts and writes on it', async () => {
    const targetDir = join(dir, 'imported', 'pglite');
    const imported = await cli(['db', 'import', '--in', dump], { PODBOT_DATA_DIR: targetDir });
    expect(imported.err).toMatch(new RegExp(`^imported ${tablesOf(before).length} tables, \\d+ rows into .*imported/pglite\nall ${migrations} migrations recorded: podbot start can run on it\n$`));
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(exported.out);
    expect(existsSync(lockPath(targetDir))).toBe(false);

    const db = await openDatabase({ dataDir: targetDir });
    try {
      expect(await db.migrate()).toEqual([]);
      expect(await snapshot(db)).toEqual(before);
      // The sequences came along: new rows take new ids.
      expect(await joinsThePod(db, 'U0NEWCOMER')).toMatch(/^You joined the \*Docs\* pod\./);
      expect(await db.prisma.membership.count()).toBe(before.Membership.length + 1);
    } finally {
      await db.close();
    }
  }, 120_000);

  it.runIf(onPostgres)('imports into an empty PostgreSQL database, and refuses one that holds tables', async () => {
    const target = await emptyPostgres();
    try {
      const imported = await cli(['db', 'import', '--in', dump], { DATABASE_URL: target.url });
      expect(imported.err).toContain('into PostgreSQL (DATABASE_URL)\n');
      expect(imported.err).toContain(`all ${migrations} migrations recorded: podbot start can run on it\n`);
      expect(imported.code).toBe(0);
      expect(imported.out).toBe(exported.out);

      const db = await openDatabase({ url: target.url, dataDir: '' });
      try {
        expect(await db.migrate()).toEqual([]);
        expect(await snapshot(db)).toEqual(before);
        expect(await joinsThePod(db, 'U0NEWCOMER')).toMatch(/^You joined the \*Docs\* pod\./);
      } finally {
        await db.close();
      }

      const again = await cli(['db', 'import', '--in', dump], { DATABASE_URL: target.url });
      expect(again.code).toBe(1);
      expect(again.err).toMatch(
        new RegExp(`^podbot db import: database podbot_import_\\w+ already holds ${tablesOf(before).length} tables \\(AgendaItem, BackfillCursor, CallArtifact, …\\): podbot db import loads into an empty database`),
      );
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('refuses to export or import while podbot holds the data directory', async () => {
    const exporting = await whileHeld(sourceDir, () => cli(['db', 'export', '--out', join(dir, 'while-running.sql')], { PODBOT_DATA_DIR: sourceDir }));
    expect(exporting.result).toEqual({
      code: 1,
      out: '',
      err: `podbot db export: the embedded database in ${sourceDir} is in use by podbot start (process ${exporting.pid}). Stop it first, or run this against PostgreSQL (DATABASE_URL), where any number of processes can connect.\n`,
    });
    expect(existsSync(join(dir, 'while-running.sql'))).toBe(false);

    const targetDir = join(dir, 'held', 'pglite');
    const importing = await whileHeld(targetDir, () => cli(['db', 'import', '--in', dump], { PODBOT_DATA_DIR: targetDir }));
    expect(importing.result.code).toBe(1);
    expect(importing.result.err).toContain(`is in use by podbot start (process ${importing.pid})`);
    expect(existsSync(targetDir)).toBe(false);
  });

  it('refuses a data directory that is not empty, and files that are not a whole podbot dump', async () => {
    const nonEmpty = await cli(['db', 'import', '--in', dump], { PODBOT_DATA_DIR: sourceDir });
    expect(nonEmpty).toMatchObject({ code: 1, err: `podbot db import: ${sourceDir} is not empty: podbot db import makes a new embedded database, so move that directory aside (or set PODBOT_DATA_DIR to a new one) and import again\n` });
    const untouched = await openDatabase({ dataDir: sourceDir });
    try {
      expect(await snapshot(untouched)).toEqual(before);
    } finally {
      await untouched.close();
    }

    const sql = await readFile(dump, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['cut.sql', sql.slice(0, Math.floor(sql.length / 2)), /is cut short \(it lacks the "PostgreSQL database dump complete" line that ends a dump\): export it again/],
      ['other.sql', sql.replace(/_prisma_migrations/g, 'other_history'), /creates no _prisma_migrations table, so it is not a dump of a whole podbot database/],
      ['notes.txt', 'hello\n', /is not a plain-SQL dump written by podbot db export or pg_dump/],
      ['archive.dump', 'PGDMP\u0001\u000e\u0000', /is a pg_dump archive \(--format=custom\); podbot db import reads plain SQL/],
    ];
    const targetDir = join(dir, 'refused', 'pglite');
    for (const [name, text, reason] of cases) {
      await writeFile(join(dir, name), text);
      const result = await cli(['db', 'import', '--in', join(dir, name)], { PODBOT_DATA_DIR: targetDir });
      expect(result.code, name).toBe(1);
      expect(result.err, name).toMatch(reason);
    }
    expect(await cli(['db', 'import', '--in', join(dir, 'missing.sql')], { PODBOT_DATA_DIR: targetDir })).toMatchObject({ code: 1, err: `podbot db import: ${join(dir, 'missing.sql')} does not exist\n` });
    expect(existsSync(targetDir)).toBe(false);

    const withUrl = await cli(['db', 'export', '--out', join(dir, 'x.sql')], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/podbot' });
    expect(withUrl.code).toBe(2);
    expect(withUrl.err).toContain('DATABASE_URL is set, so podbot uses PostgreSQL, and db export reads only the embedded database: use pg_dump for the server');
    const nothing = await cli(['db', 'export', '--out', join(dir, 'x.sql')], { PODBOT_DATA_DIR: join(dir, 'nothing-here') });
    expect(nothing).toMatchObject({ code: 1, err: `podbot db export: ${join(dir, 'nothing-here')} holds no embedded database (no PG_VERSION file): set PODBOT_DATA_DIR to the directory podbot start uses\n` });
    expect(existsSync(join(dir, 'x.sql'))).toBe(false);
  });

  it('loads a dump whole or not at all: a statement that fails leaves the target as it was, and says where', async () => {
    const sql = await readFile(dump, 'utf8');
    const broken = sql.replace(/^INSERT INTO public\."Pod" VALUES \(/m, 'INSERT INTO public."Pod" VALUES (no such value, ');
    const line = broken.slice(0, broken.indexOf('no such value')).split('\n').length;
    await writeFile(join(dir, 'broken.sql'), broken);

    const emptyDir = join(dir, 'empty');
    await mkdir(emptyDir);
    const result = await cli(['db', 'import', '--in', join(dir, 'broken.sql')], { PODBOT_DATA_DIR: emptyDir });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^podbot db import: the dump did not load at line ${line}: .+\\. Nothing was imported\\n$`));
    expect(await readdir(emptyDir)).toEqual([]);

    if (onPostgres) {
      const target = await emptyPostgres();
      try {
        const onServer = await cli(['db', 'import', '--in', join(dir, 'broken.sql')], { DATABASE_URL: target.url });
        expect(onServer.code).toBe(1);
        expect(onServer.err).toMatch(new RegExp(`the dump did not load at line ${line}: `));
        const client = new pg.Client({ connectionString: target.url });
        await client.connect();
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
        await client.end();
        expect(rows[0].n).toBe(0);
      } finally {
        await target.drop();
      }
    }
  }, 120_000);
});
