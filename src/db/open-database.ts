import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client';
import { prepareDataDirectory } from './embedded-template';
import { migrate } from './migrate';

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  /** embedded (PGlite, in-process) or postgres (a server reached through DATABASE_URL) */
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

export async function openDatabase({ url, dataDir }: OpenDatabaseOptions): Promise<Database> {
  if (url) {
    const factory = new PrismaPg({ connectionString: url, max: 10 });
    return wrapDatabase('postgres', factory, async () => {});
  }
  await prepareDataDirectory(dataDir);
  const pglite = await PGlite.create(dataDir);
  const factory = new PrismaPGlite(yieldingToIo(pglite));
  return wrapDatabase('embedded', factory, () => pglite.close());
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

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs each statement synchronously on the event loop, and Prisma chains statements through promise
 * callbacks that never give the loop's I/O phase a turn: under load, incoming requests (and Slack's 3-second
 * acks) wait until a whole burst of database work is done. Yielding to I/O before each statement lets requests
 * in between statements. Transactions are wrapped too, since their statements go through the transaction object.
 */
export function yieldingToIo<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'query' || property === 'exec') {
        return async (...args: unknown[]) => {
          await yieldToIo();
          return value.apply(target, args);
        };
      }
      if (property === 'transaction') {
        return (callback: (tx: object) => unknown) => value.call(target, (tx: object) => callback(yieldingToIo(tx)));
      }
      return value.bind(target);
    },
  });
}
