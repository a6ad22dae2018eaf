// Starting the server (`podbot start`): read configuration, lock and open the database, migrate, serve.
// Everything else lives in createApp. Configuration problems are thrown as one ConfigError listing them all.
import type { IncomingHttpHeaders } from 'node:http';
import { loadCommunityConfig } from './app/community-config';
import { readEnv } from './config/env';
import { ConfigError, type Problem } from './config/problems';
import { lockDataDirectory } from './db/data-dir-lock';
import { prepareDataDirectory } from './db/embedded-template';
import { useLeanWasm } from './db/lean-wasm';
import { explainStartError } from './db/start-errors';
import { createLogger, type Logger } from './log';

export interface RunningPodbot {
  port: number;
  /** undefined when /metrics is served on `port`. */
  metricsPort?: number;
  log: Logger;
  /** Stops accepting requests, drains in-flight work and the outbox, closes the database and releases the data directory. */
  stop(reason: string): Promise<void>;
  /** Records the front door's answer times to Slack, in seconds (podbot_slack_ack_seconds). */
  recordSlackAcks(seconds: readonly number[]): void;
  /** Takes a Slack command or click the front door acknowledged (PodbotApp.takeSlackRequest). */
  takeSlackRequest(headers: IncomingHttpHeaders, raw: Buffer): void;
}

/**
 * Where the server listens instead of PORT on every interface: the app thread behind the front door (src/front/),
 * which answers Slack and times those answers itself.
 */
export interface ListenOn {
  host: string;
  port: number;
}

export async function startPodbot(source: NodeJS.ProcessEnv = process.env, listenOn?: ListenOn): Promise<RunningPodbot> {
  const envResult = readEnv(source);
  const problems: Problem[] = envResult.ok ? [] : envResult.problems;
  const configPath = envResult.ok ? envResult.env.configPath : source.PODBOT_CONFIG || './podbot.yml';
  let loaded: Awaited<ReturnType<typeof loadCommunityConfig>> | undefined;
  try {
    loaded = await loadCommunityConfig(configPath);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems.map((p) => ({ ...p, where: p.where.startsWith(configPath) ? p.where : `${configPath}: ${p.where}` })));
  }
  if (!envResult.ok || !loaded || problems.length) throw new ConfigError(problems, 'configuration');

  const env = envResult.env;
  const secrets = [env.slack?.botToken, env.slack?.signingSecret, env.githubWebhookSecret, env.apiToken, env.github?.auth.kind === 'token' ? env.github.auth.token : undefined].filter(
    (s): s is string => Boolean(s),
  );
  const log = createLogger({ level: env.logLevel, format: env.logFormat, secrets });
  for (const line of env.disabled) log.info(line);
  if (loaded.missing) log.info({ path: configPath }, 'no community config found; running with defaults (see podbot.example.yml)');

  useLeanWasm(); // before any WebAssembly is compiled: see src/db/lean-wasm.ts

  // PGlite cannot share a data directory between processes: refuse before touching it if another podbot has it.
  const lock = env.databaseUrl ? undefined : await lockDataDirectory(env.dataDir, 'podbot start');
  try {
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
    const [{ createApp }, { features }, { serveMetrics }] = await Promise.all([
      import('./app/create-app'),
      import('./features'),
      import('./http/metrics-server'),
    ]);
    // An unreachable server, a wrong password, a missing role or database: one line saying what to fix.
    const target = { url: env.databaseUrl, dataDir: env.dataDir };
    const database = await opening.catch((error: unknown) => explainStartError(error, target));
    try {
      const applied = await database.migrate().catch((error: unknown) => explainStartError(error, target));
      log.info({ database: database.kind, applied }, applied.length ? 'database migrated' : 'database up to date');

      const app = createApp({ env, config: loaded.config, database, log, features, slackAcks: listenOn ? 'front-door' : 'here' });
      const port = await app.listen(listenOn?.port ?? env.port, listenOn?.host);
      const metrics = env.metricsPort === undefined ? undefined : await serveMetrics(app.ctx, env.metricsPort);
      log.info({ port, metricsPort: metrics?.port }, 'podbot is listening');
      let stopping: Promise<void> | undefined;
      return {
        port,
        metricsPort: metrics?.port,
        log,
        recordSlackAcks: (seconds) => app.recordSlackAcks(seconds),
        takeSlackRequest: (headers, raw) => app.takeSlackRequest(headers, raw),
        stop(reason) {
          stopping ??= (async () => {
            log.info({ reason }, 'shutting down: draining in-flight work');
            try {
              await app.close();
              await metrics?.close();
              await database.close();
            } finally {
              await lock?.release();
            }
            log.info('stopped');
          })();
          return stopping;
        },
      };
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
