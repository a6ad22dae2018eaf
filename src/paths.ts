// Where podbot's files are. The same code runs from src/ (tsx, tests) and from the bundle in dist/ (npm start),
// so paths to prisma/ and node_modules/ are found from the project root, not as fixed offsets from this module.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The directory holding package.json. */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'prisma', 'migrations');
export const SCHEMA_PATH = join(PROJECT_ROOT, 'prisma', 'schema.prisma');
/** Migrated embedded-database templates, built by npm install (src/db/embedded-template.ts). */
export const TEMPLATE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'podbot');
