// A fresh, migrated database per test file.
//
// Embedded (default): PGlite's initdb takes seconds, so the first worker builds a migrated template once and
// dumps it to the OS temp directory, keyed by a hash of the migrations; every test file then loads that dump
// (under a second). Postgres (`TEST_DATABASE_URL` set, as `npm run test:postgres` does): a new database is
// copied per test file from a migrated template database on the server, and dropped afterwards.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { ensureTemplate, migrationsFingerprint } from '../../src/db/embedded-template';
import { openDatabase, wrapDatabase, type Database } from '../../src/db/open-database';
import { PGliteThread } from '../../src/db/pglite-thread';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const onPostgres = Boolean(testDatabaseUrl);

export interface TestDatabase extends Database {
  /** The DATABASE_URL a second app instance (or child process) can use to share this database. */
  url?: string;
  /** Drops the database (Postgres) or closes it (embedded). */
  destroy(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDatabase> {
  return testDatabaseUrl ? freshPostgres(testDatabaseUrl) : freshEmbedded();
}

async function embeddedTemplate(): Promise<Blob> {
  // Kept in the OS temp directory rather than node_modules/.cache so parallel test workers share one copy
  // even when the install step did not build it.
  return ensureTemplate(join(tmpdir(), 'podbot-test-templates'));
}

async function freshEmbedded(): Promise<TestDatabase> {
  const thread = await PGliteThread.create({ loadDataDir: await embeddedTemplate() });
  const db = wrapDatabase('embedded', new PrismaPGlite(thread.asPGlite()), () => thread.close());
  return { ...db, destroy: () => db.close() };
}

/**
 * A migrated template database on the server, made once per set of migrations (under an advisory lock, so
 * parallel workers wait for the first), then copied with CREATE DATABASE … TEMPLATE, which takes milliseconds.
 */
async function postgresTemplate(admin: pg.Client, baseUrl: string): Promise<string> {
  const name = `podbot_tmpl_${await migrationsFingerprint()}`;
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      const db = await openDatabase({ url: url.toString(), dataDir: '' });
      await db.migrate();
      await db.close();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
  return name;
}

async function freshPostgres(baseUrl: string): Promise<TestDatabase> {
  const name = `podbot_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const template = await postgresTemplate(admin, baseUrl);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), dataDir: '' });
  return {
    ...db,
    url: url.toString(),
    destroy: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
