// A migrated, empty embedded database, reused for every fresh data directory.
//
// PGlite's initdb takes several seconds and most of a gigabyte of memory on first start; copying a migrated data
// directory and opening it takes a fraction of a second. `npm install` builds the template directory
// (scripts/postinstall.mjs), keyed by a hash of the migrations, so `npm start` on an empty ./data starts quickly;
// when no matching template exists podbot falls back to initdb + migrations. Tests use the same template packed
// as a tarball, which PGlite loads into an in-memory database.
//
// Copying needs only the file system, so this module loads PGlite and the migration code only to build a
// template: start-up copies the template while the rest of the app is still loading.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_DIR, TEMPLATE_DIR } from '../paths';

export { TEMPLATE_DIR };
const loadPGlite = async () => (await import('@electric-sql/pglite')).PGlite;

/** Changed whenever templates are built differently, so that caches built the old way are not reused. */
const TEMPLATE_FORMAT = 'slim-1';

/** Hash of every migration's name and SQL (and of the template format). */
export async function migrationsFingerprint(migrationsDir = MIGRATIONS_DIR): Promise<string> {
  const hash = createHash('sha256').update(TEMPLATE_FORMAT).update('\0');
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
  const pglite = await (await loadPGlite()).create();
  await migrateAndSlim(pglite);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  await mkdir(dir, { recursive: true });
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
  return dump;
}

/**
 * Applies the migrations, then drops template0 and template1. podbot keeps everything in the `postgres` database;
 * the template databases only serve CREATE DATABASE, which nothing here runs. Without them a data directory holds
 * 463 files instead of 1,059, and creating files is most of what a first start on an empty directory costs.
 */
async function migrateAndSlim(pglite: PGlite): Promise<void> {
  const [{ PrismaPGlite }, { migrate }, { PrismaClient }] = await Promise.all([
    import('pglite-prisma-adapter'),
    import('./migrate'),
    import('../generated/prisma/client'),
  ]);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  try {
    await migrate(prisma);
  } finally {
    await prisma.$disconnect();
  }
  await pglite.exec(`UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`);
  await pglite.exec('DROP DATABASE template0');
  await pglite.exec('DROP DATABASE template1');
  await pglite.exec('CHECKPOINT');
}

async function templateDirectory(dir: string): Promise<string> {
  return join(dir, `pglite-template-${await migrationsFingerprint()}`);
}

/** Builds the template data directory for the current migrations, unless it exists (renamed into place atomically). */
export async function ensureTemplateDirectory(dir = TEMPLATE_DIR): Promise<string> {
  const path = await templateDirectory(dir);
  if (existsSync(join(path, 'PG_VERSION'))) {
    await removeOutdatedTemplates(dir, path);
    return path;
  }
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(dir, { recursive: true });
  const pglite = await (await loadPGlite()).create(partial);
  await migrateAndSlim(pglite);
  await pglite.close();
  await rename(partial, path).catch(async (error) => {
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(join(path, 'PG_VERSION'))) throw error;
  });
  await removeOutdatedTemplates(dir, path);
  return path;
}

/** Templates built for earlier migrations are never used again; each is tens of megabytes. */
async function removeOutdatedTemplates(dir: string, current: string): Promise<void> {
  const keep = basename(current);
  for (const name of await readdir(dir)) {
    if (name.startsWith('pglite-template-') && !name.startsWith(keep)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Makes sure an embedded data directory exists; a new or empty one is filled from the template (when one matching
 * the current migrations exists; otherwise PGlite runs initdb on open). Refuses a non-empty directory that holds
 * no database rather than writing into someone's files.
 */
export async function prepareDataDirectory(dataDir: string, dir = TEMPLATE_DIR): Promise<void> {
  if (dataDir.startsWith('memory://') || existsSync(join(dataDir, 'PG_VERSION'))) return;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no database; point PODBOT_DATA_DIR at an empty or existing database directory`);
  }
  await mkdir(dataDir, { recursive: true });
  await copyTemplateInto(dataDir, dir);
}

/** Fills an empty data directory from the template, if one matching the current migrations exists. */
export async function copyTemplateInto(dataDir: string, dir = TEMPLATE_DIR): Promise<boolean> {
  const path = await templateDirectory(dir);
  if (!existsSync(join(path, 'PG_VERSION'))) return false;
  await copyDirectory(path, dataDir);
  return true;
}

/** Copies a directory tree, several files at a time (much faster than fs.cp for a thousand small files). */
async function copyDirectory(from: string, to: string, concurrency = 8): Promise<void> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    await mkdir(join(to, relative), { recursive: true });
    for (const entry of await readdir(join(from, relative), { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(relative, entry.name));
      else files.push(join(relative, entry.name));
    }
  };
  await walk('');
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) {
        const file = files[next++];
        await copyFile(join(from, file), join(to, file));
      }
    }),
  );
}
