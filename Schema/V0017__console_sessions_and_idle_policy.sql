-- The console's missing pieces (issue #18, decision 0012): the sessions not yet on a claim, and the company's
-- idle timeout for server sessions.
-- On Citus, DDL on distributed tables and new functions share one connection per node in this transaction.
SELECT set_config('citus.multi_shard_modify_mode', 'sequential', true) WHERE EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus');

-- 1. Sessions not yet on a claim (the console's work queue): session_index says which claim first billed each
-- session (claim_id, from claim.created; NULL while none has) and its rendering provider. Filled here from the
-- log for the rows already projected; the projection keeps them from now on (IndexProjection).
ALTER TABLE rcm_analytics_store.session_index ADD COLUMN claim_id text, ADD COLUMN rendering text;
UPDATE rcm_analytics_store.session_index s SET rendering = r.rendering
FROM (SELECT DISTINCT ON (e.tenant_id, e.stream_id) e.tenant_id, e.payload -> 'record' ->> 'sessionID' AS session_id,
             e.payload -> 'record' ->> 'rendering' AS rendering
      FROM rcm.events e WHERE e.event_type IN ('session.logged', 'session.corrected')
      ORDER BY e.tenant_id, e.stream_id, e.position DESC) r
WHERE s.tenant_id = r.tenant_id AND s.session_id = r.session_id;
UPDATE rcm_analytics_store.session_index s SET claim_id = c.claim_id
FROM (SELECT DISTINCT ON (e.tenant_id, l.line ->> 'sessionID') e.tenant_id, l.line ->> 'sessionID' AS session_id,
             e.payload ->> 'claimID' AS claim_id
      FROM rcm.events e CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'lines') AS l(line)
      WHERE e.event_type = 'claim.created'
      ORDER BY e.tenant_id, l.line ->> 'sessionID', e.position) c
WHERE s.tenant_id = c.tenant_id AND s.session_id = c.session_id;
-- Staff's column grants cover the new columns (V0015's rule: every column but tenant_id).
GRANT UPDATE (claim_id, rendering) ON rcm_analytics_store.session_index TO rcm_staff;
CREATE INDEX session_index_unclaimed ON rcm_analytics_store.session_index (tenant_id, date_of_service, logged_position)
    WHERE claim_id IS NULL AND NOT voided;
CREATE OR REPLACE VIEW rcm_analytics.session_index WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.session_index;

-- 2. The company's idle timeout for server sessions (item 3): how long a signed-in
-- session (a console cookie or a bearer token: the same rcm_auth.sessions row) may sit unused before it is
-- refused. An owner sets it (`rcm staff session-policy`), recorded as identity.session_policy_set. Every
-- session takes it when it is opened (whatever the sign-in path), and setting it applies it at once to the
-- sessions already open, so the checks of V0009/V0014 (`last_seen_at + idle_timeout`) enforce it unchanged.

CREATE TABLE rcm_auth.session_policy (
    id           boolean PRIMARY KEY DEFAULT true CHECK (id),
    idle_timeout interval NOT NULL CHECK (idle_timeout BETWEEN interval '1 second' AND interval '24 hours'),
    set_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO rcm_auth.session_policy (idle_timeout) VALUES (interval '30 minutes');

-- A new session's idle timeout is the company's, whatever the server asked for: rcm.sign_in reads it (V0018),
-- no trigger (Citus refuses triggers on reference tables without an unsafe setting).
SELECT rcm_schema.place('rcm_auth.session_policy', 'reference');

-- Owners' administration: the idle timeout in seconds (1 second to 24 hours), for new and open sessions.
CREATE FUNCTION rcm.set_session_policy(p_idle_seconds integer, p_event_id uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_open integer;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may set the session policy' USING ERRCODE = '42501';
    END IF;
    IF p_idle_seconds IS NULL OR p_idle_seconds NOT BETWEEN 1 AND 86400 THEN
        RAISE EXCEPTION 'the idle timeout is 1 second to 24 hours' USING ERRCODE = '22023';
    END IF;
    UPDATE rcm_auth.session_policy SET idle_timeout = make_interval(secs => p_idle_seconds), set_at = clock_timestamp();
    -- Only sessions still live: one already idle past its timeout stays ended when the period grows.
    UPDATE rcm_auth.sessions s SET idle_timeout = make_interval(secs => p_idle_seconds)
    WHERE s.revoked_at IS NULL AND s.expires_at > clock_timestamp() AND s.last_seen_at + s.idle_timeout > clock_timestamp();
    GET DIAGNOSTICS v_open = ROW_COUNT;
    PERFORM rcm_auth.record(p_event_id, 'identity.session_policy_set',
                            jsonb_build_object('idleSeconds', p_idle_seconds), 'cli');
    RETURN v_open;
END
$$;

CREATE FUNCTION rcm.session_policy() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT extract(epoch FROM idle_timeout)::integer FROM rcm_auth.session_policy
$$;

REVOKE ALL ON FUNCTION rcm.set_session_policy(integer, uuid), rcm.session_policy() FROM PUBLIC;
