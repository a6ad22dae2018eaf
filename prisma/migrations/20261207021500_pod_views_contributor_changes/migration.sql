-- A Contributor row raises the pod views' version only when it changes something a pod view shows (a member's or an
-- advocate's Slack id, GitHub login or level, as src/pods/store/load-pod-views.ts reads them). Every /join-pod upserts its
-- person first (ensureContributor: an INSERT, or an UPDATE that sets "slackUserId" to itself), and each of those
-- raised the version before, so in a burst of joins the views kept between commands were read again about twice as
-- often as anything in them changed. A new row with no GitHub login is in no view: it has no membership yet, and an
-- advocate without a row shows no login either.
-- (No semicolon but at the end of each statement, not even in a comment: see the pod_views_version migration.)
DROP TRIGGER "Contributor_views_changed" ON "Contributor";

CREATE CONSTRAINT TRIGGER "Contributor_views_changed_insert" AFTER INSERT ON "Contributor"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW."githubLogin" IS NOT NULL OR NEW."githubLoginLower" IS NOT NULL)
  EXECUTE FUNCTION "pod_views_changed"();
CREATE CONSTRAINT TRIGGER "Contributor_views_changed_update" AFTER UPDATE OF "slackUserId", "githubLogin", "githubLoginLower", "level" ON "Contributor"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."slackUserId" IS DISTINCT FROM NEW."slackUserId" OR OLD."githubLogin" IS DISTINCT FROM NEW."githubLogin"
        OR OLD."githubLoginLower" IS DISTINCT FROM NEW."githubLoginLower" OR OLD."level" IS DISTINCT FROM NEW."level")
  EXECUTE FUNCTION "pod_views_changed"();
CREATE CONSTRAINT TRIGGER "Contributor_views_changed_delete" AFTER DELETE ON "Contributor"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "pod_views_changed"();
