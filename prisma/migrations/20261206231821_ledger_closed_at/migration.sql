-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "closedAt" TIMESTAMP(3);
