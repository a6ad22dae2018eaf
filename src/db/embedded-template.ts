// A migrated, empty embedded database, packed as a tarball and reused for every fresh data directory.
//
// PGlite's initdb takes several seconds and most of a gigabyte of memory on first start; copying a migrated data
// directory and opening it takes about one second. `npm install` builds the template directory
// (scripts/postinstall.mjs), keyed by a hash of the migrations, so `npm start` on an empty ./data starts quickly;
// when no matching template exists podbot falls back to initdb + migrations. Tests use the same template packed
// as a tarball, which PGlite loads into an in-memory database.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

async function templateDirectory(dir: string): Promise<string> {
  return join(dir, `pglite-template-${await migrationsFingerprint()}`);
}

/** Builds the template data directory for the current migrations, unless it exists (renamed into place atomically). */
export async function ensureTemplateDirectory(dir = TEMPLATE_DIR): Promise<string> {
  const path = await templateDirectory(dir);
  if (existsSync(join(path, 'PG_VERSION'))) return path;
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(dir, { recursive: true });
  const pglite = await PGlite.create(partial);
  await applyMigrations(new PrismaPGlite(pglite));
  await pglite.close();
  await rename(partial, path).catch(async (error) => {
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(join(path, 'PG_VERSION'))) throw error;
  });
  return path;
}

/** Fills an empty data directory from the template, if one matching the current migrations exists. */
export async function copyTemplateInto(dataDir: string, dir = TEMPLATE_DIR): Promise<boolean> {
  const path = await templateDirectory(dir);
  if (!existsSync(join(path, 'PG_VERSION'))) return false;
  await cp(path, dataDir, { recursive: true });
  return true;
}
