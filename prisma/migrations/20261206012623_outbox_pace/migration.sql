-- CreateTable
CREATE TABLE "OutboxPace" (
    "target" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxPace_pkey" PRIMARY KEY ("target","bucket")
);
