-- pods_join also says which version of the pod views its join makes (src/pods/store/read-pod-views.ts), so the
-- process that joined can add the member to the views it keeps instead of loading them all again. In a burst of
-- joins (bench/join-pod) every join raised the version and the next command reloaded every pod: about 9 ms each on
-- the embedded database, more than a join itself.
--
-- How the version is known: after its writes, and after every other lock it takes (so the order of locks stays
-- contributor, pod, version, and the version is only ever waited for last), the join locks the PodViewsVersion row
-- until it commits. The value it reads is the last committed version, and the deferred triggers of its own
-- Membership rows raise it at commit by one each, before anyone else can. So the version before is "from", and the
-- version after is "to" = from + the Membership rows written (1, or 2 for a switch). test/pods/read-pod-views.test.ts
-- checks "to" against the version after the commit.
--
-- The joiner's GitHub login and stored level, read under the contributor's lock, come back too: the member the
-- caller adds to its views must be the one a reload would show. Everything else is as in the pods_join migration.
-- The body's semicolons are written as \073 (see the ledger_authors migration), and comments here have none.
CREATE OR REPLACE FUNCTION "pods_join"(contributor_id INTEGER, pod_name TEXT, joined_at TIMESTAMP, max_pods INTEGER, leave_from TEXT, actor_name TEXT)
RETURNS JSONB LANGUAGE plpgsql AS E'
DECLARE
    pod RECORD\073
    open_members INTEGER[]\073
    open_count INTEGER\073
    mine_count INTEGER\073
    leaving_id INTEGER\073
    leaving_pod INTEGER\073
    other TEXT\073
    joined INTEGER\073
    joiner RECORD\073
    views_version BIGINT\073
    views_changes INTEGER\073
    joined_json JSONB\073
BEGIN
    SELECT c."githubLogin", c.level INTO joiner FROM "Contributor" c WHERE c.id = contributor_id FOR UPDATE\073
    SELECT p.id, p.capacity, p.archived INTO pod FROM "Pod" p WHERE p.name = pod_name FOR UPDATE\073
    IF NOT FOUND THEN
        RETURN jsonb_build_object(''kind'', ''not-found'')\073
    END IF\073
    IF pod.archived THEN
        RETURN jsonb_build_object(''kind'', ''archived'')\073
    END IF\073

    SELECT coalesce(array_agg(m."contributorId"), ''{}'') INTO open_members FROM "Membership" m WHERE m."podId" = pod.id AND m."leftAt" IS NULL\073
    open_count := cardinality(open_members)\073
    IF contributor_id = ANY (open_members) THEN
        RETURN jsonb_build_object(''kind'', ''already-member'')\073
    END IF\073
    IF open_count >= pod.capacity THEN
        RETURN jsonb_build_object(''kind'', ''full'', ''memberCount'', open_count, ''capacity'', pod.capacity)\073
    END IF\073

    -- The person''s live memberships: checked before any write, so a refusal changes nothing.
    SELECT count(*) INTO mine_count FROM "Membership" m JOIN "Pod" p ON p.id = m."podId"
    WHERE m."contributorId" = contributor_id AND m."leftAt" IS NULL AND NOT p.archived\073
    IF leave_from IS NOT NULL THEN
        SELECT m.id, m."podId" INTO leaving_id, leaving_pod FROM "Membership" m JOIN "Pod" p ON p.id = m."podId"
        WHERE m."contributorId" = contributor_id AND m."leftAt" IS NULL AND NOT p.archived AND p.name = leave_from
        ORDER BY m."joinedAt", m.id LIMIT 1\073
    END IF\073
    IF mine_count - (CASE WHEN leaving_id IS NULL THEN 0 ELSE 1 END) >= max_pods THEN
        SELECT p.name INTO other FROM "Membership" m JOIN "Pod" p ON p.id = m."podId"
        WHERE m."contributorId" = contributor_id AND m."leftAt" IS NULL AND NOT p.archived AND m.id IS DISTINCT FROM leaving_id
        ORDER BY m."joinedAt", m.id LIMIT 1\073
        RETURN jsonb_build_object(''kind'', ''needs-switch'', ''leave'', other)\073
    END IF\073

    IF leaving_id IS NOT NULL THEN
        UPDATE "Membership" SET "leftAt" = joined_at, "leftReason" = ''switched'' WHERE id = leaving_id\073
    END IF\073
    INSERT INTO "Membership" ("podId", "contributorId", "joinedAt") VALUES (pod.id, contributor_id, joined_at) RETURNING id INTO joined\073
    INSERT INTO "PodEvent" ("podId", kind, actor, detail, "createdAt")
    VALUES (pod.id, ''joined'', actor_name, jsonb_build_object(''membershipId'', joined), joined_at)\073
    IF leaving_id IS NOT NULL THEN
        INSERT INTO "PodEvent" ("podId", kind, actor, detail, "createdAt")
        VALUES (leaving_pod, ''left'', actor_name, jsonb_build_object(''membershipId'', leaving_id, ''reason'', ''switched'', ''to'', pod_name), joined_at)\073
    END IF\073

    -- Last, after every other lock: the views version, held to commit. Its triggers raise it there by one per
    -- Membership row written above, with nobody else able to raise it in between.
    SELECT v."version" INTO views_version FROM "PodViewsVersion" v WHERE v.id = 1 FOR UPDATE\073
    views_changes := CASE WHEN leaving_id IS NULL THEN 1 ELSE 2 END\073
    joined_json := jsonb_build_object(''kind'', ''joined'', ''membershipId'', joined, ''memberCount'', open_count + 1,
        ''joiner'', jsonb_build_object(''githubLogin'', joiner."githubLogin", ''level'', joiner.level))\073
    IF views_version IS NOT NULL THEN
        joined_json := joined_json || jsonb_build_object(''views'', jsonb_build_object(''from'', views_version, ''to'', views_version + views_changes))\073
    END IF\073
    IF leaving_id IS NOT NULL THEN
        joined_json := joined_json || jsonb_build_object(''left'', leave_from)\073
    END IF\073
    RETURN joined_json\073
END';
