-- CreateTable
CREATE TABLE "CareBusy" (
    "slackUserId" TEXT NOT NULL,
    "until" TIMESTAMP(3),
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareBusy_pkey" PRIMARY KEY ("slackUserId")
);

-- CreateTable
CREATE TABLE "CareReviewRequest" (
    "id" SERIAL NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "reviewerLogin" TEXT NOT NULL,
    "reviewerLoginLower" TEXT NOT NULL,
    "podName" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "CareReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareClaim" (
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareClaim_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "LadderSuggestion" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "podName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "snoozedUntil" TIMESTAMP(3),
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSuggestedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LadderSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareReviewRequest_reviewerLoginLower_closedAt_idx" ON "CareReviewRequest"("reviewerLoginLower", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CareReviewRequest_repo_number_reviewerLoginLower_key" ON "CareReviewRequest"("repo", "number", "reviewerLoginLower");

-- CreateIndex
CREATE UNIQUE INDEX "LadderSuggestion_kind_podName_subject_key" ON "LadderSuggestion"("kind", "podName", "subject");
