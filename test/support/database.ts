// A fresh, migrated database per test file.
//
// Embedded (default): PGlite's initdb takes seconds, so the first worker builds a migrated template once and
// dumps it to the OS temp directory, keyed by a hash of the migrations; every test file then loads that dump
// (under a second). Postgres (`TEST_DATABASE_URL` set, as `npm run test:postgres` does): a new database is
// created per test file from the server's template0, migrated, and dropped afterwards.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { MIGRATIONS_DIR, applyMigrations } from '../../src/db/migrate';
import { openDatabase, wrapDatabase, type Database } from '../../src/db/open-database';

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

async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(MIGRATIONS_DIR)).sort()) {
    const file = join(MIGRATIONS_DIR, name, 'migration.sql');
    if (existsSync(file)) hash.update(name).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function embeddedTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `podbot-test-template-${await migrationsHash()}.tar`);
  if (existsSync(path)) return new Blob([await readFile(path)]);
  const pglite = await PGlite.create();
  await applyMigrations(new PrismaPGlite(pglite));
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path); // atomic: concurrent workers never read half a file
  return dump;
}

async function freshEmbedded(): Promise<TestDatabase> {
  const pglite = await PGlite.create({ loadDataDir: await embeddedTemplate() });
  const db = wrapDatabase('embedded', new PrismaPGlite(pglite), () => pglite.close());
  return { ...db, destroy: () => db.close() };
}

async function freshPostgres(baseUrl: string): Promise<TestDatabase> {
  const name = `podbot_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), dataDir: '' });
  await db.migrate();
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
