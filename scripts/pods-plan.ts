// npm run pods:plan [-- --help]
//
// The dry run of the podbot.yml sync that runs at start-up: prints which pods it would create, change, unarchive
// and archive, and whom it would DM, against the database the app would use (DATABASE_URL, or the embedded one in
// PODBOT_DATA_DIR). Writes nothing. Exit codes: 0 done, 1 failure (database), 2 configuration or usage error.
import { pathToFileURL } from 'node:url';
import { loadCommunityConfig } from '../src/app/community-config';
import { readEnv } from '../src/config/env';
import { ConfigError } from '../src/config/problems';
import { openDatabase } from '../src/db/open-database';
import { planPodsConfig } from '../src/pods/plan-pods-config';
import { renderConfigPlan } from '../src/pods/core/render-config-plan';

const USAGE = `usage: npm run pods:plan [-- --help]
Prints what applying podbot.yml's pods would change in the database (PODBOT_CONFIG, DATABASE_URL or
PODBOT_DATA_DIR), without writing. Exit 0 done, 1 failure, 2 configuration or usage error.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    io.stderr(`unknown argument ${argv[0]}\n${USAGE}\n`);
    return 2;
  }
  const envResult = readEnv(env);
  if (!envResult.ok) {
    for (const p of envResult.problems) io.stderr(`${p.where}: ${p.message}\n`);
    return 2;
  }
  const settings = envResult.env;
  let loaded: Awaited<ReturnType<typeof loadCommunityConfig>>;
  try {
    loaded = await loadCommunityConfig(settings.configPath);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const p of error.problems) io.stderr(`${settings.configPath}: ${p.where}: ${p.message}\n`);
    return 2;
  }
  if (loaded.missing) io.stderr(`no podbot.yml at ${settings.configPath}: planning for a config with no pods\n`);

  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    database = await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
    const preview = await planPodsConfig(database.prisma, loaded.config.pods);
    io.stdout(`${renderConfigPlan(preview)}\n`);
    return 0;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    io.stderr(`pods:plan failed${e.code ? ` [${e.code}]` : ''}: ${e.message ?? String(error)}\n(is the database migrated? npm run db:migrate)\n`);
    return 1;
  } finally {
    await database?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
