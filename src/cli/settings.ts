// Settings and the database for CLI commands: the same environment variables and podbot.yml as the server,
// configuration problems reported as such (exit 2), and the embedded data directory locked while in use.
import { loadCommunityConfig, type CommunityConfig } from '../app/community-config';
import { readEnv, type Env } from '../config/env';
import { ConfigError } from '../config/problems';
import { lockDataDirectory } from '../db/data-dir-lock';
import type { Database } from '../db/open-database';

/** Reads the environment; every problem at once as a ConfigError. */
export function readSettings(source: NodeJS.ProcessEnv): Env {
  const result = readEnv(source);
  if (!result.ok) throw new ConfigError(result.problems, 'environment');
  return result.env;
}

/** Reads podbot.yml (missing: defaults), with each problem named by file and YAML path. */
export async function readCommunityConfig(path: string): Promise<{ config: CommunityConfig; missing: boolean }> {
  try {
    return await loadCommunityConfig(path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(
      error.problems.map((p) => ({ ...p, where: p.where.startsWith(path) ? p.where : `${path}: ${p.where}` })),
      path,
    );
  }
}

/** Opens the database the server would use; the embedded one only when no other process has it open. */
export async function openCliDatabase(settings: Pick<Env, 'databaseUrl' | 'dataDir'>, purpose: string): Promise<Database> {
  const lock = settings.databaseUrl ? undefined : await lockDataDirectory(settings.dataDir, purpose);
  try {
    const { openDatabase } = await import('../db/open-database');
    const database = await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          await lock?.release();
        }
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
