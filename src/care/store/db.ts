import type { Prisma, PrismaClient } from '../../generated/prisma/client';

/** The Prisma client, or the client of an interactive transaction: store functions accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;
