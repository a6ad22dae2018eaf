-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Contributor" (
    "id" SERIAL NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "githubLogin" TEXT,
    "githubLoginLower" TEXT,
    "level" TEXT NOT NULL DEFAULT 'newcomer',
    "levelSource" TEXT NOT NULL DEFAULT 'self',
    "displayName" TEXT,
    "timezone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contributor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pod" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "area" TEXT NOT NULL DEFAULT '',
    "labels" TEXT[],
    "paths" TEXT[],
    "capacity" INTEGER NOT NULL DEFAULT 9,
    "channel" TEXT,
    "source" TEXT NOT NULL DEFAULT 'config',
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PodAdvocate" (
    "podId" INTEGER NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'config',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PodAdvocate_pkey" PRIMARY KEY ("podId","slackUserId")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "podId" INTEGER NOT NULL,
    "contributorId" INTEGER NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMP(3),
    "leftReason" TEXT,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PodEvent" (
    "id" SERIAL NOT NULL,
    "podId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PodEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PodMention" (
    "id" SERIAL NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "podName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PodMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "action" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackEventReceipt" (
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackEventReceipt_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "OutboxJob" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" SERIAL NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "authorLogin" TEXT NOT NULL,
    "authorLoginLower" TEXT NOT NULL,
    "association" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,
    "mergedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackfillCursor" (
    "repo" TEXT NOT NULL,
    "listing" TEXT NOT NULL,
    "nextPage" INTEGER NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackfillCursor_pkey" PRIMARY KEY ("repo","listing")
);

-- CreateTable
CREATE TABLE "CallSkip" (
    "callSlug" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "skipped" BOOLEAN NOT NULL DEFAULT true,
    "reason" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallSkip_pkey" PRIMARY KEY ("callSlug","localDate")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" SERIAL NOT NULL,
    "callSlug" TEXT NOT NULL,
    "occurrenceStart" TIMESTAMP(3) NOT NULL,
    "topic" TEXT NOT NULL,
    "addedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rsvp" (
    "callSlug" TEXT NOT NULL,
    "occurrenceStart" TIMESTAMP(3) NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rsvp_pkey" PRIMARY KEY ("callSlug","occurrenceStart","slackUserId")
);

-- CreateTable
CREATE TABLE "CallArtifact" (
    "callSlug" TEXT NOT NULL,
    "occurrenceStart" TIMESTAMP(3) NOT NULL,
    "notesUrl" TEXT,
    "recordingUrl" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallArtifact_pkey" PRIMARY KEY ("callSlug","occurrenceStart")
);

-- CreateTable
CREATE TABLE "ReminderClaim" (
    "key" TEXT NOT NULL,
    "callSlug" TEXT NOT NULL,
    "occurrenceStart" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "channel" TEXT,
    "messageTs" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderClaim_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contributor_slackUserId_key" ON "Contributor"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Contributor_githubLoginLower_key" ON "Contributor"("githubLoginLower");

-- CreateIndex
CREATE UNIQUE INDEX "Pod_name_key" ON "Pod"("name");

-- CreateIndex
CREATE INDEX "Membership_podId_leftAt_idx" ON "Membership"("podId", "leftAt");

-- CreateIndex
CREATE INDEX "Membership_contributorId_leftAt_idx" ON "Membership"("contributorId", "leftAt");

-- CreateIndex
CREATE INDEX "PodEvent_podId_createdAt_idx" ON "PodEvent"("podId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PodMention_repo_number_podName_key" ON "PodMention"("repo", "number", "podName");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxJob_key_key" ON "OutboxJob"("key");

-- CreateIndex
CREATE INDEX "OutboxJob_status_nextAttemptAt_idx" ON "OutboxJob"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_repo_authorLoginLower_idx" ON "LedgerEntry"("repo", "authorLoginLower");

-- CreateIndex
CREATE INDEX "LedgerEntry_authorLoginLower_idx" ON "LedgerEntry"("authorLoginLower");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_repo_number_key" ON "LedgerEntry"("repo", "number");

-- CreateIndex
CREATE INDEX "AgendaItem_callSlug_occurrenceStart_idx" ON "AgendaItem"("callSlug", "occurrenceStart");

-- CreateIndex
CREATE INDEX "ReminderClaim_callSlug_occurrenceStart_idx" ON "ReminderClaim"("callSlug", "occurrenceStart");

-- AddForeignKey
ALTER TABLE "PodAdvocate" ADD CONSTRAINT "PodAdvocate_podId_fkey" FOREIGN KEY ("podId") REFERENCES "Pod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_podId_fkey" FOREIGN KEY ("podId") REFERENCES "Pod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_contributorId_fkey" FOREIGN KEY ("contributorId") REFERENCES "Contributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PodEvent" ADD CONSTRAINT "PodEvent_podId_fkey" FOREIGN KEY ("podId") REFERENCES "Pod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: one open membership per pod and person (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "Membership_open_unique" ON "Membership"("podId", "contributorId") WHERE "leftAt" IS NULL;
