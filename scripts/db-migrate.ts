// npm run db:migrate: applies pending migrations (the committed SQL in prisma/migrations) to the database the app
// would use (DATABASE_URL, or the embedded database in PODBOT_DATA_DIR / ./data/pglite). `npm start` does this too.
import { readDatabaseEnv } from '../src/config/env';
import { migrate, MigrationError } from '../src/db/migrate';
import { openDatabase } from '../src/db/open-database';

const env = readDatabaseEnv();
const db = await openDatabase(env);
try {
  const applied = await migrate(db.prisma);
  console.error(applied.length ? `Applied ${applied.join(', ')} (${db.kind}).` : `Database is up to date (${db.kind}).`);
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(`podbot: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
