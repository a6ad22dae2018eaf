// npm run db:migrate: applies pending migrations to the database the app would use
// (DATABASE_URL, or the embedded database in PODBOT_DATA_DIR / ./data/pglite). `npm start` does this too.
import { openDatabase } from '../src/db/open-database';
import { readDatabaseEnv } from '../src/config/env';

const env = readDatabaseEnv();
const db = await openDatabase(env);
try {
  const applied = await db.migrate();
  console.error(applied.length ? `Applied ${applied.join(', ')} (${db.kind}).` : `Database is up to date (${db.kind}).`);
} finally {
  await db.close();
}
