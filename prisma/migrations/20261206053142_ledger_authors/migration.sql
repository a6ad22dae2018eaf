-- CreateTable
CREATE TABLE "LedgerAuthor" (
    "authorLoginLower" TEXT NOT NULL,
    "firstPrId" INTEGER NOT NULL,
    "firstPrOpenedAt" TIMESTAMP(3) NOT NULL,
    "secondPrId" INTEGER,
    "secondPrOpenedAt" TIMESTAMP(3),

    CONSTRAINT "LedgerAuthor_pkey" PRIMARY KEY ("authorLoginLower")
);

-- CreateIndex
CREATE INDEX "LedgerAuthor_firstPrOpenedAt_idx" ON "LedgerAuthor"("firstPrOpenedAt");

-- CreateIndex
CREATE INDEX "ItemResponse_responderLoginLower_respondedAt_idx" ON "ItemResponse"("responderLoginLower", "respondedAt");

-- Each author's first two pull requests, kept by triggers on "LedgerEntry" so that the table agrees with the ledger
-- whoever writes it (webhooks, the backfill, an operator) and in the same transaction. Not expressible in
-- schema.prisma, so written by hand. The trigger bodies are E'' strings with their semicolons written as \073:
-- Prisma's driver adapters run a migration script by splitting it at every semicolon, even one in quotes or in a $$
-- body. (Nothing else in this file has one but each statement's end.)

-- Recomputes the given authors from the ledger: one statement, so a plain SQL function. An author with no pull
-- request left loses the row.
CREATE FUNCTION "ledger_authors_rebuild"(logins TEXT[]) RETURNS VOID LANGUAGE sql AS $$
    WITH gone AS (
        DELETE FROM "LedgerAuthor" a
        WHERE a."authorLoginLower" = ANY (logins)
          AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e.kind = 'pr' AND e."authorLoginLower" = a."authorLoginLower")
    )
    INSERT INTO "LedgerAuthor" ("authorLoginLower", "firstPrId", "firstPrOpenedAt", "secondPrId", "secondPrOpenedAt")
    SELECT login, ids[1], opened[1], ids[2], opened[2]
    FROM (
        SELECT "authorLoginLower" AS login, array_agg(id ORDER BY "openedAt", id) AS ids, array_agg("openedAt" ORDER BY "openedAt", id) AS opened
        FROM "LedgerEntry"
        WHERE kind = 'pr' AND "authorLoginLower" = ANY (logins)
        GROUP BY "authorLoginLower"
    ) prs
    ORDER BY login
    ON CONFLICT ("authorLoginLower") DO UPDATE SET
        "firstPrId" = EXCLUDED."firstPrId", "firstPrOpenedAt" = EXCLUDED."firstPrOpenedAt",
        "secondPrId" = EXCLUDED."secondPrId", "secondPrOpenedAt" = EXCLUDED."secondPrOpenedAt"
$$;

-- New pull requests: each author's two earliest new ones are merged into their row, which keeps the two earliest of
-- the row's and the new ones. So concurrent writers cannot lose each other's pull requests (the second waits for the
-- first's row and merges into it), and backfilled history older than the row counts. Authors are written in one
-- order by every writer, so two batches of the same authors cannot deadlock.
CREATE FUNCTION "ledger_authors_on_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
    INSERT INTO "LedgerAuthor" AS a ("authorLoginLower", "firstPrId", "firstPrOpenedAt", "secondPrId", "secondPrOpenedAt")
    SELECT login, ids[1], opened[1], ids[2], opened[2]
    FROM (
        SELECT "authorLoginLower" AS login, array_agg(id ORDER BY "openedAt", id) AS ids, array_agg("openedAt" ORDER BY "openedAt", id) AS opened
        FROM inserted
        WHERE kind = ''pr''
        GROUP BY "authorLoginLower"
    ) prs
    ORDER BY login
    ON CONFLICT ("authorLoginLower") DO UPDATE SET ("firstPrId", "firstPrOpenedAt", "secondPrId", "secondPrOpenedAt") = (
        SELECT ids[1], opened[1], ids[2], opened[2]
        FROM (
            SELECT array_agg(pr.id ORDER BY pr.opened, pr.id) AS ids, array_agg(pr.opened ORDER BY pr.opened, pr.id) AS opened
            FROM (
                SELECT DISTINCT v.id, v.opened
                FROM (VALUES (a."firstPrId", a."firstPrOpenedAt"), (a."secondPrId", a."secondPrOpenedAt"),
                             (EXCLUDED."firstPrId", EXCLUDED."firstPrOpenedAt"), (EXCLUDED."secondPrId", EXCLUDED."secondPrOpenedAt")) AS v (id, opened)
                WHERE v.id IS NOT NULL
            ) pr
        ) merged
    )\073
    RETURN NULL\073
END';

-- podbot only adds to the ledger and updates merges. An update that moves a pull request (its kind, author or
-- opening time), or a delete, recomputes the authors it touches.
CREATE FUNCTION "ledger_authors_on_update"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
    PERFORM "ledger_authors_rebuild"(ARRAY(
        SELECT unnest(ARRAY[o."authorLoginLower", n."authorLoginLower"])
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.kind, o."authorLoginLower", o."openedAt") IS DISTINCT FROM (n.kind, n."authorLoginLower", n."openedAt")
    ))\073
    RETURN NULL\073
END';

CREATE FUNCTION "ledger_authors_on_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
    PERFORM "ledger_authors_rebuild"(ARRAY(SELECT DISTINCT "authorLoginLower" FROM old_rows WHERE kind = ''pr''))\073
    RETURN NULL\073
END';

CREATE TRIGGER "LedgerEntry_authors_insert" AFTER INSERT ON "LedgerEntry"
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "ledger_authors_on_insert"();
CREATE TRIGGER "LedgerEntry_authors_update" AFTER UPDATE ON "LedgerEntry"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ledger_authors_on_update"();
CREATE TRIGGER "LedgerEntry_authors_delete" AFTER DELETE ON "LedgerEntry"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ledger_authors_on_delete"();

-- The history already in the ledger.
SELECT "ledger_authors_rebuild"(ARRAY(SELECT DISTINCT "authorLoginLower" FROM "LedgerEntry" WHERE kind = 'pr'));
