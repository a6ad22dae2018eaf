-- AlterTable
ALTER TABLE "OutboxJob" ADD COLUMN     "installationId" BIGINT;
