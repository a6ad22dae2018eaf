// Entry point: read configuration, open and migrate the database, serve. Everything else lives in createApp.
import { loadCommunityConfig } from './app/community-config';
import { loadDotenv } from './config/dotenv';
import { readEnv } from './config/env';
import { ConfigError, type Problem } from './config/problems';
import { prepareDataDirectory } from './db/embedded-template';
import { useLeanWasm } from './db/lean-wasm';
import { errorSummary } from './errors';
import { createLogger } from './log';

const problems: Problem[] = [];
try {
  loadDotenv(); // .env in the working directory; variables already in the environment win
} catch (error) {
  problems.push({ where: '.env', message: (error as Error).message });
}
const envResult = readEnv();
if (!envResult.ok) problems.push(...envResult.problems);
const configPath = envResult.ok ? envResult.env.configPath : process.env.PODBOT_CONFIG || './podbot.yml';
let loaded: Awaited<ReturnType<typeof loadCommunityConfig>> | undefined;
try {
  loaded = await loadCommunityConfig(configPath);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  problems.push(...error.problems.map((p) => ({ ...p, where: `${configPath}: ${p.where}` })));
}
if (!envResult.ok || !loaded || problems.length) {
  process.stderr.write(`podbot cannot start: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}\n`);
  for (const problem of problems) process.stderr.write(`  - ${problem.where}: ${problem.message}\n`);
  process.exit(2);
}

const env = envResult.env;
const secrets = [env.slack?.botToken, env.slack?.signingSecret, env.githubWebhookSecret, env.apiToken, env.github?.auth.kind === 'token' ? env.github.auth.token : undefined].filter(
  (s): s is string => Boolean(s),
);
const log = createLogger({ level: env.logLevel, secrets });
for (const line of env.disabled) log.info(line);
if (loaded.missing) log.info({ path: configPath }, 'no community config found; running with defaults (see podbot.example.yml)');

useLeanWasm(); // before any WebAssembly is compiled: see src/db/lean-wasm.ts

// Prepare the database while the rest of the app loads: copying the embedded template is file-system work and
// compiling PGlite's wasm runs on V8's background threads, so both overlap with loading modules.
const preparing = env.databaseUrl ? undefined : prepareDataDirectory(env.dataDir);
const opening = import('./db/open-database').then(async ({ openDatabase }) => {
  await preparing;
  return openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
});
// A failure is reported by `await opening` below, not first as an unhandled rejection while modules load.
preparing?.catch(() => {});
opening.catch(() => {});
const [{ createApp }, { features }] = await Promise.all([import('./app/create-app'), import('./features')]);
let database: Awaited<typeof opening>;
let applied: string[];
try {
  database = await opening;
  applied = await database.migrate();
} catch (error) {
  const { describeStartError } = await import('./db/start-errors');
  const problem = describeStartError(error, { url: env.databaseUrl, dataDir: env.dataDir });
  if (!problem) throw error;
  process.stderr.write(`podbot cannot start: ${problem.message}\n`);
  process.exit(problem.exitCode);
}
log.info({ database: database.kind, applied }, applied.length ? 'database migrated' : 'database up to date');

const app = createApp({ env, config: loaded.config, database, log, features });
const port = await app.listen(env.port);
log.info({ port }, 'podbot is listening');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: draining in-flight work');
  try {
    await app.close();
    await database.close();
    log.info('stopped');
    process.exit(0);
  } catch (error) {
    log.error({ err: errorSummary(error) }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
