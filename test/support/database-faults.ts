// Database faults for reliability tests: the test's own database is cut off and, on PostgreSQL, brought back.
import pg from 'pg';
import { onPostgres, testDatabaseUrl, type TestDatabase } from './database';

/**
 * Cuts the database off: on PostgreSQL no new connections (`ALLOW_CONNECTIONS false`) and existing ones terminated;
 * on the embedded database, PGlite is closed (it cannot be reopened in place, so `restore` is a no-op there).
 */
export async function cutDatabase(db: TestDatabase): Promise<() => Promise<void>> {
  if (!onPostgres) {
    await db.close();
    return async () => {};
  }
  const name = new URL(db.url!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  return async () => {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await admin.end();
  };
}

/** Polls `check` every 20 ms until it holds, or fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
