import pg from 'pg';
import { onPostgres, testDatabaseUrl } from './database';
import type { TestApp } from './test-app';

/**
 * Cuts a test app's own database off: on PostgreSQL no new connections are allowed and existing ones are
 * terminated; the embedded database is closed. Returns how to bring it back (PostgreSQL only).
 */
export async function cutDatabase(t: TestApp): Promise<() => Promise<void>> {
  if (!onPostgres) {
    await t.db.close();
    return async () => {};
  }
  const name = new URL(t.db.url!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  return async () => {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await admin.end();
  };
}
