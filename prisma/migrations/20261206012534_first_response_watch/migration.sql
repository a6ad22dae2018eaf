-- CreateTable
CREATE TABLE "FirstResponseWatch" (
    "id" SERIAL NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "authorLogin" TEXT NOT NULL,
    "firstTimer" BOOLEAN NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "pods" TEXT[],
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "nudgedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "FirstResponseWatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FirstResponseWatch_escalatedAt_answeredAt_closedAt_idx" ON "FirstResponseWatch"("escalatedAt", "answeredAt", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FirstResponseWatch_repo_number_key" ON "FirstResponseWatch"("repo", "number");
