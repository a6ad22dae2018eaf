// podbot diff <name>: writes the next migration from the change to prisma/schema.prisma. A development tool: it
// runs Prisma's schema engine, which production installs (npm ci --omit=dev) do not carry.
//
// The "before" schema is prisma/migrations/schema.snapshot.prisma, rewritten after each diff, so the diff is always
// against what the committed migrations produce. Needs no database.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CliFailure, UsageError, type Command } from '../command';
import { parseOptions } from '../parse-options';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'write a migration for the changes to prisma/schema.prisma (development)',
  help: `usage: podbot diff <name>

Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema as the committed
migrations left it to prisma/schema.prisma as it is now. <name>: lowercase letters, digits and _,
e.g. add_call_notes. Review the SQL, then podbot migrate.

exit codes: 0 written (or no changes), 1 failure, 2 usage problem`,
  async run(argv, ctx) {
    const { positionals } = parseOptions(argv, {}, { positionals: 1 });
    const name = positionals[0];
    if (!name) throw new UsageError('a migration name is required');
    if (!/^[a-z0-9_]+$/.test(name)) throw new UsageError(`the name may hold lowercase letters, digits and _ only, not "${name}"`);
    const [{ MIGRATIONS_DIR, SCHEMA_PATH, PROJECT_ROOT }, migrate] = await Promise.all([import('../../paths'), import('../../db/schema-engine')]);
    const snapshotPath = join(MIGRATIONS_DIR, 'schema.snapshot.prisma');
    const before = await readFile(snapshotPath, 'utf8').catch(() => undefined);
    const after = await readFile(SCHEMA_PATH, 'utf8');
    let sql: string;
    try {
      sql = await migrate.diffSchemas(before, after);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
        throw new CliFailure('podbot diff needs the development dependencies (npm install, not npm ci --omit=dev)');
      }
      throw error;
    }
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      ctx.io.stderr('no schema changes: nothing written\n');
      return 0;
    }
    const stamp = ctx.clock.now().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'migration.sql'), sql);
    await writeFile(snapshotPath, after);
    await writeFile(join(MIGRATIONS_DIR, 'migration_lock.toml'), '# Written by podbot diff.\nprovider = "postgresql"\n');
    ctx.io.stderr(`wrote ${relative(PROJECT_ROOT, join(dir, 'migration.sql'))}; review it, then podbot migrate\n`);
    return 0;
  },
};
