-- CreateTable
CREATE TABLE "ItemResponse" (
    "id" SERIAL NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "responderLogin" TEXT NOT NULL,
    "responderLoginLower" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "respondedAt" TIMESTAMP(3) NOT NULL,
    "githubId" TEXT NOT NULL,

    CONSTRAINT "ItemResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ItemResponse_githubId_key" ON "ItemResponse"("githubId");

-- CreateIndex
CREATE INDEX "ItemResponse_repo_number_respondedAt_idx" ON "ItemResponse"("repo", "number", "respondedAt");

-- CreateIndex
CREATE INDEX "ItemResponse_respondedAt_idx" ON "ItemResponse"("respondedAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_authorLoginLower_kind_openedAt_idx" ON "LedgerEntry"("authorLoginLower", "kind", "openedAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_kind_openedAt_idx" ON "LedgerEntry"("kind", "openedAt");
