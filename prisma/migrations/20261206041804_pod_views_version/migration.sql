-- CreateTable
CREATE TABLE "PodViewsVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PodViewsVersion_pkey" PRIMARY KEY ("id")
);

-- The counter's one row, and triggers that raise it when a transaction that changed what a pod view shows commits.
-- Deferred to commit, the row is locked only for the commit itself (never while the transaction goes on to lock
-- other rows, so it cannot take part in a deadlock), and the new version becomes visible together with the new
-- rows: a reader that reads the version first and the rows after can never keep old rows under a new version.
INSERT INTO "PodViewsVersion" ("id", "version") VALUES (1, 0);

-- The body is an E'' string with its semicolons written as \073: Prisma's driver adapters run a migration script by
-- splitting it at every semicolon, even one in quotes or in a $$ body, so under `prisma migrate deploy` through an
-- adapter a literal one would cut the function in two. (Nothing else in this file has one but each statement's end.)
CREATE FUNCTION "pod_views_changed"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN UPDATE "PodViewsVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 RETURN NULL\073 END';

CREATE CONSTRAINT TRIGGER "Pod_views_changed" AFTER INSERT OR UPDATE OR DELETE ON "Pod"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "pod_views_changed"();
CREATE CONSTRAINT TRIGGER "PodAdvocate_views_changed" AFTER INSERT OR UPDATE OR DELETE ON "PodAdvocate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "pod_views_changed"();
CREATE CONSTRAINT TRIGGER "Membership_views_changed" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "pod_views_changed"();
CREATE CONSTRAINT TRIGGER "Contributor_views_changed" AFTER INSERT OR DELETE OR UPDATE OF "slackUserId", "githubLogin", "githubLoginLower", "level" ON "Contributor"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "pod_views_changed"();
