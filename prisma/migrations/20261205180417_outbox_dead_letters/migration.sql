-- AlterTable
ALTER TABLE "OutboxJob" ADD COLUMN     "firstFailedAt" TIMESTAMP(3);
