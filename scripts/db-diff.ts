// npm run db:diff -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema as the committed
// migrations left it to prisma/schema.prisma as it is now. Needs no database.
//
// The "before" schema is prisma/migrations/schema.snapshot.prisma, written by this script after each diff,
// so the diff is always against what the migrations produce.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffSchemas } from '../src/db/schema-engine';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../src/paths';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- <name>   (name: lowercase letters, digits and _, e.g. add_call_notes)');
  process.exit(2);
}
const snapshotPath = join(MIGRATIONS_DIR, 'schema.snapshot.prisma');
const before = await readFile(snapshotPath, 'utf8').catch(() => undefined);
const after = await readFile(SCHEMA_PATH, 'utf8');
const sql = await diffSchemas(before, after);
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.error('No schema changes: nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'migration.sql'), sql);
await writeFile(snapshotPath, after);
await writeFile(join(MIGRATIONS_DIR, 'migration_lock.toml'), '# Written by npm run db:diff.\nprovider = "postgresql"\n');
console.error(`Wrote ${join('prisma', 'migrations', `${stamp}_${name}`, 'migration.sql')}. Review it, then npm run db:migrate.`);
