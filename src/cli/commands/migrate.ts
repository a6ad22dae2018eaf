// podbot migrate: applies pending migrations on their own, e.g. as a release step before replicas roll.
import type { Command } from '../command';
import { parseOptions } from '../parse-options';
import { explainStartError } from '../../db/start-errors';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (podbot start does this too)',
  help: `usage: podbot migrate

Applies the migrations in prisma/migrations that the database (DATABASE_URL, or the embedded database in
PODBOT_DATA_DIR) has not recorded, as prisma migrate deploy would.

exit codes: 0 done (or nothing to do), 1 failure, 2 usage or configuration problem`,
  async run(argv, ctx) {
    parseOptions(argv, {});
    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings, openCliDatabase } = await import('../settings');
    const settings = readSettings(ctx.env);
    const target = { url: settings.databaseUrl, dataDir: settings.dataDir };
    const database = await openCliDatabase(settings, 'podbot migrate').catch((error: unknown) => explainStartError(error, target));
    try {
      const applied = await database.migrate().catch((error: unknown) => explainStartError(error, target));
      ctx.io.stderr(applied.length ? `applied ${applied.join(', ')} (${database.kind})\n` : `database is up to date (${database.kind})\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
