-- A join into a pod as one statement (src/pods/store/join-pod.ts), so the transaction that holds the pod's lock
-- makes one round trip to the database instead of eight. On the embedded database every round trip waits for its
-- turn on the app's event loop while PGlite's single connection stays held, so a burst of joins serialised there
-- (bench/join-pod: answers lagged by seconds). Not expressible in schema.prisma, so written by hand. The body is an
-- E'' string with its semicolons written as \073, because Prisma's driver adapters split a migration script at every
-- semicolon (see the ledger_authors migration).
--
-- The same checks, in the same order, as before it moved here. Locks: the contributor's row, then the pod's (always
-- in that order, so two joins cannot deadlock). Each statement of a PL/pgSQL function takes a fresh snapshot under
-- READ COMMITTED, so the member count read after the pod's lock sees every join that held the lock before.
-- Returns the outcome as JSON: {"kind": "joined", "membershipId", "memberCount", "left"?} or a refusal
-- ("not-found", "archived", "already-member", "full" with "memberCount" and "capacity", "needs-switch" with "leave").
-- A refusal writes nothing.
CREATE FUNCTION "pods_join"(contributor_id INTEGER, pod_name TEXT, joined_at TIMESTAMP, max_pods INTEGER, leave_from TEXT, actor_name TEXT)
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
BEGIN
    PERFORM 1 FROM "Contributor" WHERE id = contributor_id FOR UPDATE\073
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
    IF leaving_id IS NULL THEN
        RETURN jsonb_build_object(''kind'', ''joined'', ''membershipId'', joined, ''memberCount'', open_count + 1)\073
    END IF\073
    INSERT INTO "PodEvent" ("podId", kind, actor, detail, "createdAt")
    VALUES (leaving_pod, ''left'', actor_name, jsonb_build_object(''membershipId'', leaving_id, ''reason'', ''switched'', ''to'', pod_name), joined_at)\073
    RETURN jsonb_build_object(''kind'', ''joined'', ''membershipId'', joined, ''memberCount'', open_count + 1, ''left'', leave_from)\073
END';
