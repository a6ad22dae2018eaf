// A migrated, empty embedded database, packed as a tarball and reused for every fresh data directory.
//
// PGlite's initdb takes several seconds and most of a gigabyte of memory on first start; loading a packed data
// directory takes about one second. `npm install` builds the template (scripts/postinstall.mjs), keyed by a hash
// of the migrations, so `npm start` on an empty ./data starts quickly; when no matching template exists podbot
// falls back to initdb + migrations.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations, MIGRATIONS_DIR } from './migrate';

const ROOT = join(import.meta.dirname, '..', '..');
export const TEMPLATE_DIR = join(ROOT, 'node_modules', '.cache', 'podbot');

/** Hash of every migration's name and SQL. */
export async function migrationsFingerprint(migrationsDir = MIGRATIONS_DIR): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(migrationsDir)).sort()) {
    const file = join(migrationsDir, name, 'migration.sql');
    if (existsSync(file)) hash.update(name).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export async function templatePath(dir = TEMPLATE_DIR): Promise<string> {
  return join(dir, `pglite-template-${await migrationsFingerprint()}.tar`);
}

/** The template for the current migrations, building it first if needed (written atomically). */
export async function ensureTemplate(dir = TEMPLATE_DIR): Promise<Blob> {
  const path = await templatePath(dir);
  if (existsSync(path)) return new Blob([await readFile(path)]);
  const pglite = await PGlite.create();
  await applyMigrations(new PrismaPGlite(pglite));
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  await mkdir(dir, { recursive: true });
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
  return dump;
}

/** The template if one matching the current migrations exists; never builds one. */
export async function findTemplate(dir = TEMPLATE_DIR): Promise<Blob | undefined> {
  const path = await templatePath(dir);
  return existsSync(path) ? new Blob([await readFile(path)]) : undefined;
}
