// podbot pods plan: the dry run of the podbot.yml sync that runs at start-up. Prints which pods it would create,
// change, unarchive and archive, and whom it would DM, against the database the server would use. Writes nothing.
import type { Command } from '../command';
import { parseOptions } from '../parse-options';

export const podsPlanCommand: Command = {
  name: 'pods plan',
  summary: 'print what applying podbot.yml\'s pods would change, without writing',
  help: `usage: podbot pods plan

Prints what applying podbot.yml's pods (PODBOT_CONFIG) would change in the database (DATABASE_URL or
PODBOT_DATA_DIR): pods created, changed, unarchived and archived, and the DMs that would go out.
Writes nothing.

exit codes: 0 done, 1 failure, 2 usage or configuration problem`,
  async run(argv, ctx) {
    parseOptions(argv, {});
    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings, openCliDatabase, readCommunityConfig } = await import('../settings');
    const settings = readSettings(ctx.env);
    const loaded = await readCommunityConfig(settings.configPath);
    if (loaded.missing) ctx.io.stderr(`no podbot.yml at ${settings.configPath}: planning for a config with no pods\n`);
    const { planPodsConfig, renderConfigPlan } = await import('../../pods');
    const database = await openCliDatabase(settings, 'podbot pods plan');
    try {
      const pending = (await import('../../db/migrate')).pendingMigrations;
      const notApplied = await pending(database.prisma);
      if (notApplied.length) {
        ctx.io.stderr(`the database lacks ${notApplied.length} migration${notApplied.length === 1 ? '' : 's'}: run podbot migrate (or podbot start) first\n`);
        return 1;
      }
      const preview = await planPodsConfig(database.prisma, loaded.config.pods);
      ctx.io.stdout(`${renderConfigPlan(preview)}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
