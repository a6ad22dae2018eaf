// Runtime migrations (src/db/migrate.ts) on an empty database of the kind under test (embedded, or a new
// database on the PostgreSQL server with `npm run test:postgres`), checked against what Prisma's own engine
// (`prisma migrate deploy`) reads and writes in `_prisma_migrations`.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../src/generated/prisma/client';
import { checksumMatches, migrate, MigrationError, pendingMigrations, splitStatements } from '../../src/db/migrate';
import { deployWithSchemaEngine } from '../../src/db/schema-engine';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../../src/paths';
import { testDatabaseUrl } from '../support/database';

const committed = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface EmptyDatabase {
  prisma: PrismaClient;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** A second, independent client on the same database (Postgres only: PGlite has one connection). */
  another?: () => PrismaClient;
  destroy(): Promise<void>;
}

/** A database with nothing in it: no tables, no migration history. */
async function emptyDatabase(): Promise<EmptyDatabase> {
  if (!testDatabaseUrl) {
    const pglite = await PGlite.create();
    const factory = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter: factory });
    return { prisma, factory, destroy: async () => (await prisma.$disconnect(), await pglite.close()) };
  }
  const name = `podbot_migrate_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const clients: PrismaClient[] = [];
  const open = () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 4 }) });
    clients.push(client);
    return client;
  };
  const prisma = open();
  return {
    prisma,
    factory: new PrismaPg({ connectionString: url.toString(), max: 2 }),
    another: open,
    destroy: async () => {
      await Promise.all(clients.map((client) => client.$disconnect()));
      const dropper = new pg.Client({ connectionString: testDatabaseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A copy of the committed migrations that a test may change. */
function migrationsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podbot-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  scratchDirs.push(dir);
  return dir;
}
const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const history = (prisma: PrismaClient) =>
  prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; steps: number; finished: boolean; logs: string | null; rolled_back: boolean }[]>(
    `SELECT migration_name, checksum, applied_steps_count AS steps, finished_at IS NOT NULL AS finished, logs, rolled_back_at IS NOT NULL AS rolled_back
       FROM "_prisma_migrations" ORDER BY migration_name`,
  );
const tables = async (prisma: PrismaClient) =>
  (await prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((row) => row.name);
const sha256OfFile = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('runtime migrations', () => {
  let db: EmptyDatabase;
  beforeAll(async () => {
    db = await emptyDatabase();
  });
  afterAll(() => db?.destroy());

  it('apply every committed migration to an empty database, oldest first, recorded as prisma migrate deploy records them', async () => {
    expect(await pendingMigrations(db.prisma)).toEqual(committed);
    expect(await migrate(db.prisma)).toEqual(committed);

    const rows = await history(db.prisma);
    expect(rows.map((row) => row.migration_name)).toEqual(committed);
    for (const row of rows) {
      expect(row).toMatchObject({ steps: 1, finished: true, logs: null, rolled_back: false });
      expect(row.checksum).toBe(sha256OfFile(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql')));
    }
    expect(await tables(db.prisma)).toEqual(expect.arrayContaining(['Pod', 'Membership', 'OutboxJob', 'LedgerEntry', '_prisma_migrations']));
    // The schema works as the client expects it.
    const pod = await db.prisma.pod.create({ data: { name: 'docs', displayName: 'Docs', labels: [], paths: [] } });
    expect(pod.capacity).toBeGreaterThan(0);
  });

  it('apply nothing on a second run, and leave the history as it was', async () => {
    const before = await history(db.prisma);
    expect(await migrate(db.prisma)).toEqual([]);
    expect(await pendingMigrations(db.prisma)).toEqual([]);
    expect(await history(db.prisma)).toEqual(before);
  });

  it("are taken as applied by Prisma's own engine (prisma migrate deploy applies nothing after them)", async () => {
    expect(await deployWithSchemaEngine(db.factory, MIGRATIONS_DIR, readFileSync(SCHEMA_PATH, 'utf8'))).toEqual([]);
    expect((await history(db.prisma)).length).toBe(committed.length);
  });

  it('refuse a migration file changed after it was applied, naming it and what to do', async () => {
    const dir = migrationsCopy();
    const changed = committed[committed.length - 1];
    writeFileSync(join(dir, changed, 'migration.sql'), `${readFileSync(join(dir, changed, 'migration.sql'), 'utf8')}\nCREATE TABLE "Sneaky" (id INT);\n`);
    const error = await migrate(db.prisma, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe(changed);
    expect((error as MigrationError).message).toMatch(new RegExp(`${changed}/migration.sql was changed after it was applied.*restore the committed file`));
    expect(await tables(db.prisma)).not.toContain('Sneaky');
  });

  it('accept a checkout that only changed line endings', () => {
    const sql = 'CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n';
    const crlf = sql.replace(/\n/g, '\r\n');
    const lfChecksum = createHash('sha256').update(sql).digest('hex');
    expect(checksumMatches({ sql: crlf, checksum: createHash('sha256').update(crlf).digest('hex') }, lfChecksum)).toBe(true);
    expect(checksumMatches({ sql: `${sql}-- more\n`, checksum: 'x' }, lfChecksum)).toBe(false);
  });

  describe('a new migration', () => {
    let dir: string;
    afterEach(async () => {
      await db.prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE migration_name LIKE '29991231000000_%'`);
      await db.prisma.$executeRawUnsafe('DROP TABLE IF EXISTS "Note"');
    });
    const addMigration = (name: string, sql: string) => {
      dir = migrationsCopy();
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'migration.sql'), sql);
    };

    it('is applied alone, with SQL that holds semicolons in strings, comments and function bodies', async () => {
      addMigration(
        '29991231000000_notes',
        `-- a note; with a semicolon in a comment
CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "text" TEXT NOT NULL DEFAULT 'a; b', "at" TIMESTAMPTZ);
/* block; comment */
CREATE FUNCTION note_touch() RETURNS trigger AS $body$ BEGIN NEW."at" := now(); RETURN NEW; END; $body$ LANGUAGE plpgsql;
CREATE TRIGGER note_touch BEFORE INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION note_touch();
DROP TRIGGER note_touch ON "Note";
DROP FUNCTION note_touch();
`,
      );
      expect(await pendingMigrations(db.prisma, dir)).toEqual(['29991231000000_notes']);
      expect(await migrate(db.prisma, { migrationsDir: dir })).toEqual(['29991231000000_notes']);
      expect(await db.prisma.$queryRawUnsafe('INSERT INTO "Note" DEFAULT VALUES RETURNING "text"')).toEqual([{ text: 'a; b' }]);
      expect(await migrate(db.prisma, { migrationsDir: dir })).toEqual([]);
    });

    it('that fails is not applied at all and not recorded, and the error names it and the statement', async () => {
      addMigration('29991231000000_broken', 'CREATE TABLE "Note" ("id" INT);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;\n');
      const error = await migrate(db.prisma, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/migration 29991231000000_broken failed at statement 2 of 2 \(ALTER TABLE "NoSuchTable".*\): .*NoSuchTable.*does not exist/);
      expect(await tables(db.prisma)).not.toContain('Note');
      expect((await history(db.prisma)).map((row) => row.migration_name)).not.toContain('29991231000000_broken');
      expect(await pendingMigrations(db.prisma, dir)).toEqual(['29991231000000_broken']);
    });
  });
});

describe('runtime migrations and prisma migrate deploy', () => {
  it("take over a database that Prisma's engine migrated: nothing pending, nothing applied", async () => {
    const db = await emptyDatabase();
    try {
      expect(await deployWithSchemaEngine(db.factory, MIGRATIONS_DIR, readFileSync(SCHEMA_PATH, 'utf8'))).toEqual(committed);
      expect(await pendingMigrations(db.prisma)).toEqual([]);
      expect(await migrate(db.prisma)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it.runIf(testDatabaseUrl)('apply each migration once when several replicas migrate together', async () => {
    const db = await emptyDatabase();
    try {
      const replicas = [db.prisma, db.another!(), db.another!()];
      const results = await Promise.all(replicas.map((prisma) => migrate(prisma)));
      expect(results.flat().sort()).toEqual(committed);
      expect((await history(db.prisma)).map((row) => row.migration_name)).toEqual(committed);
    } finally {
      await db.destroy();
    }
  });
});

describe('splitStatements', () => {
  it('splits at the semicolons that end statements (comments before a statement stay with it) and drops comment-only pieces', () => {
    expect(
      splitStatements(`-- header;\nCREATE TABLE "a;b" (x TEXT DEFAULT 'it''s; here');\n/* c; /* nested; */ d; */\nSELECT E'\\'; still'; SELECT $$ ; $$, $t$ $$ ; $t$;\n-- trailing`),
    ).toEqual([`-- header;\nCREATE TABLE "a;b" (x TEXT DEFAULT 'it''s; here')`, `/* c; /* nested; */ d; */\nSELECT E'\\'; still'`, 'SELECT $$ ; $$, $t$ $$ ; $t$']);
  });

  it('splits every committed migration into statements that each start with SQL', () => {
    for (const name of committed) {
      const statements = splitStatements(readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'));
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) expect(statement.replace(/^(--[^\n]*\n\s*)+/, '')).toMatch(/^(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|SELECT|COMMENT|DO)\b/i);
    }
  });
});
