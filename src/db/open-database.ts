import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client';
import { migrate } from './migrate';

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  /** embedded (PGlite, in a worker thread) or postgres (a server reached through DATABASE_URL) */
  kind: 'embedded' | 'postgres';
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… selects a PostgreSQL server; otherwise the embedded database is used. */
  url?: string;
  /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

/**
 * The embedded database's modules (PGlite, its driver adapter, the template) are loaded only when it is used: on a
 * PostgreSQL server they would be a few megabytes of idle memory for nothing.
 */
export async function openDatabase({ url, dataDir }: OpenDatabaseOptions): Promise<Database> {
  if (url) {
    const factory = new PrismaPg({ connectionString: url, max: 10 });
    return wrapDatabase('postgres', factory, async () => {});
  }
  const [{ PrismaPGlite }, { prepareDataDirectory }, { PGliteThread }] = await Promise.all([
    import('pglite-prisma-adapter'),
    import('./embedded-template'),
    import('./pglite-thread'),
  ]);
  await prepareDataDirectory(dataDir);
  const thread = await PGliteThread.create({ dataDir });
  return wrapDatabase('embedded', new PrismaPGlite(thread.asPGlite()), () => thread.close());
}

/** Builds the Database facade over a driver adapter (exported for the test harness). */
export function wrapDatabase(
  kind: Database['kind'],
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  closeDriver: () => Promise<void>,
): Database {
  const prisma = new PrismaClient({ adapter: adapterFactory as never });
  let closed = false;
  return {
    prisma,
    kind,
    adapterFactory,
    migrate: () => migrate(prisma),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
