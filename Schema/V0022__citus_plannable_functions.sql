-- What Citus could not plan in the functions of V0014–V0019 (issue 15, the Citus flow; decision 0013): the same
-- functions, replaced in one form for both engines.
--
-- 1. A LANGUAGE sql function that reads a distributed table with its parameters (rcm.is_part2_patient,
--    rcm.is_part2_record) fails on Citus with 0A000 "could not create distributed plan" (parameters in SQL
--    functions are not bound when Citus plans them), from inside rcm.record_access and the PHI store's reads on
--    the tenant's worker. They become plpgsql, each look-up one query of one tenant's log (a router query).
-- 2. Citus refuses a volatile function (clock_timestamp()) in an UPDATE, a DELETE or an ON CONFLICT DO UPDATE of a
--    distributed or reference table (every rcm_auth table is a reference table), in SET as in WHERE. Each function
--    below takes the time once, `v_now timestamptz := clock_timestamp()`, and uses it; behaviour is unchanged but
--    for every time of one call being the same instant. rcm_auth.count_failure and rcm.take_passkey_challenge were
--    LANGUAGE sql and become plpgsql for that variable.
-- 3. In such a modification Citus also refuses a STABLE function given a column (timestamptz + interval on a
--    column, pg_has_role(…, s.login, …)) and a non-immutable one inside CASE: rcm.session_role and
--    rcm.set_session_policy find their sessions first and update them by key; rcm_auth.count_failure computes the
--    lock's end first. rcm_auth.live_session asks to_regrole instead of the pg_roles view (see there). rcm.sign_in
--    reads the idle timeout before its INSERT (no subquery in an INSERT's VALUES).
-- CREATE OR REPLACE keeps each function's owner, grants and attributes. CitusReadinessTests checks rules 1 and 2 on
-- the catalog. No table changes, so no rcm_schema.placement row and no multi_shard_modify_mode line.

CREATE OR REPLACE FUNCTION rcm.is_part2_patient(p_tenant uuid, p_patient_key text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF p_patient_key IS NULL THEN
        RETURN false;
    END IF;
    PERFORM 1 FROM rcm.events e
    WHERE e.tenant_id = p_tenant AND e.stream_id = 'patient-' || p_patient_key
      AND e.event_type = 'patient.substance_use_flagged'
    LIMIT 1;
    IF FOUND THEN
        RETURN true;
    END IF;
    -- The partial index events_substance_use_sessions (V0015) holds exactly these sessions.
    PERFORM 1 FROM rcm.events e
    WHERE e.tenant_id = p_tenant AND e.event_type IN ('session.logged', 'session.corrected')
      AND e.payload ->> 'substanceUse' = 'true' AND e.payload #>> '{record,patientKey}' = p_patient_key
    LIMIT 1;
    RETURN FOUND;
END
$$;

CREATE OR REPLACE FUNCTION rcm.is_part2_record(p_tenant uuid, p_record text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF p_record LIKE 'patient:%' THEN
        RETURN rcm.is_part2_patient(p_tenant, substr(p_record, 9));
    ELSIF p_record LIKE 'claim:%' THEN
        PERFORM 1 FROM rcm.events e
        WHERE e.tenant_id = p_tenant AND e.stream_id = 'claim-' || substr(p_record, 7) AND e.payload ->> 'substanceUse' = 'true'
        LIMIT 1;
        RETURN FOUND;
    END IF;
    RETURN false;
END
$$;

-- Citus also refuses a non-immutable function inside CASE in an UPDATE's SET (timestamptz + interval is STABLE): the
-- lock's end is computed first.
CREATE OR REPLACE FUNCTION rcm_auth.count_failure(p_login text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    v_now    timestamptz := clock_timestamp();
    v_failed integer;
    v_until  timestamptz;
BEGIN
    UPDATE rcm_auth.credentials c SET failed_attempts = c.failed_attempts + 1
    WHERE c.login = p_login
    RETURNING c.failed_attempts INTO v_failed;
    IF FOUND THEN
        -- Locked after the fifth failure in a row, for 2^(failures - 4) seconds, at most 15 minutes.
        IF v_failed > 4 THEN
            v_until := v_now + make_interval(secs => least(900, power(2, least(v_failed - 4, 10))));
        END IF;
        UPDATE rcm_auth.credentials c SET locked_until = v_until WHERE c.login = p_login;
    END IF;
END
$$;

-- A live session, locked. On Citus a query joining a reference table with pg_roles is sent to the shard with the
-- view expanded, and pg_authid is the superuser's (42501 for the owner): the role's existence is asked with
-- to_regrole instead. Dropped and made again rather than replaced: on a Citus coordinator the V0014 function's
-- return type became the local shard's row type (rcm_auth.sessions_<shard>) when V0016 made sessions a reference
-- table, and CREATE OR REPLACE cannot change a return type. No other object depends on it (plpgsql bodies only).
DROP FUNCTION rcm_auth.live_session(bytea);
CREATE FUNCTION rcm_auth.live_session(p_token_hash bytea) RETURNS rcm_auth.sessions
LANGUAGE sql VOLATILE SET search_path = pg_catalog AS $$
    SELECT s.* FROM rcm_auth.sessions s
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > clock_timestamp()
      AND s.last_seen_at + s.idle_timeout > clock_timestamp()
      AND to_regrole(quote_ident(s.login)) IS NOT NULL
      AND pg_has_role('rcm_server', s.login, 'MEMBER')
    FOR UPDATE
$$;
REVOKE ALL ON FUNCTION rcm_auth.live_session(bytea) FROM PUBLIC;

CREATE OR REPLACE FUNCTION rcm.take_passkey_challenge(p_token_hash bytea, p_purpose text) RETURNS bytea
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_now       timestamptz := clock_timestamp();
    v_challenge bytea;
BEGIN
    -- One row at most: (token_hash, purpose) is the table's key.
    DELETE FROM rcm_auth.webauthn_challenges c
    WHERE c.token_hash = p_token_hash AND c.purpose = p_purpose AND c.expires_at >= v_now
    RETURNING c.challenge INTO v_challenge;
    RETURN v_challenge;
END
$$;

-- Citus refuses a subquery in an INSERT's VALUES into a distributed or reference table ("subqueries are not supported
-- within INSERT queries"): the company's idle timeout is read first.
CREATE OR REPLACE FUNCTION rcm.sign_in(p_login text, p_proof bytea, p_token_hash bytea, p_session_id uuid, p_event_id uuid, p_lifetime interval, p_idle_timeout interval)
 RETURNS TABLE(outcome text, role text, retry_after integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_credential rcm_auth.credentials%ROWTYPE;
    v_now        timestamptz := clock_timestamp();
    v_stage      text;
    v_idle       interval;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server signs people in' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_credential FROM rcm_auth.credentials c WHERE c.login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.sign_in_failed',
                                jsonb_build_object('login', NULL, 'reason', 'unknown_login'), 'server');
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer;
        RETURN;
    END IF;
    IF v_credential.locked_until IS NOT NULL AND v_credential.locked_until > v_now THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.sign_in_failed',
                                jsonb_build_object('login', p_login, 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text,
                            ceil(extract(epoch FROM v_credential.locked_until - v_now))::integer;
        RETURN;
    END IF;
    IF sha256(p_proof) <> v_credential.verifier
        OR NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login)
        OR NOT pg_has_role('rcm_server', p_login, 'MEMBER') THEN
        PERFORM rcm_auth.count_failure(p_login);
        PERFORM rcm_auth.record(p_event_id, 'identity.sign_in_failed',
                                jsonb_build_object('login', p_login, 'reason', 'wrong_password'), 'server');
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer;
        RETURN;
    END IF;
    v_stage := CASE
        WHEN rcm_auth.has_factor(p_login) THEN 'second_factor'
        WHEN rcm_auth.needs_second_factor(p_login) THEN 'enrol'
        ELSE 'complete' END;
    IF v_stage = 'complete' THEN
        UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = p_login;
    END IF;
    SELECT p.idle_timeout INTO v_idle FROM rcm_auth.session_policy p;
    INSERT INTO rcm_auth.sessions (token_hash, session_id, login, created_at, last_seen_at, expires_at, idle_timeout, stage, lifetime)
    VALUES (p_token_hash, p_session_id, p_login, v_now, v_now,
            v_now + CASE WHEN v_stage = 'complete' THEN p_lifetime ELSE least(p_lifetime, interval '5 minutes') END,
            coalesce(v_idle, p_idle_timeout), v_stage, p_lifetime);
    IF v_stage = 'complete' THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                                jsonb_build_object('login', p_login, 'sessionID', p_session_id, 'method', 'password'), 'server');
        RETURN QUERY SELECT 'signed_in'::text, p_login, NULL::integer;
    ELSE
        RETURN QUERY SELECT v_stage, p_login, NULL::integer;
    END IF;
END
$function$;

-- The latest definitions (V0017–V0019) with `v_now` for clock_timestamp(), otherwise unchanged.

CREATE OR REPLACE FUNCTION rcm.reset_second_factors(p_login text, p_event_id uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_had boolean;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may reset a person''s second factors' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM rcm_auth.credentials c WHERE c.login = p_login) THEN
        RAISE EXCEPTION 'no server sign-in for login %', p_login USING ERRCODE = 'RC002';
    END IF;
    v_had := rcm_auth.has_factor(p_login);
    DELETE FROM rcm_auth.totp_factors f WHERE f.login = p_login;
    DELETE FROM rcm_auth.passkeys k WHERE k.login = p_login;
    DELETE FROM rcm_auth.recovery_codes r WHERE r.login = p_login;
    UPDATE rcm_auth.sessions s SET revoked_at = v_now WHERE s.login = p_login AND s.revoked_at IS NULL;
    PERFORM rcm_auth.record(p_event_id, 'identity.factors_reset', jsonb_build_object('login', p_login), 'cli');
    RETURN v_had;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.set_password(p_login text, p_cost integer, p_block_size integer, p_parallelism integer, p_salt bytea, p_verifier bytea, p_event_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may set a password' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login) THEN
        RAISE EXCEPTION 'no login %', p_login USING ERRCODE = 'RC002';
    END IF;
    INSERT INTO rcm_auth.credentials AS c (login, algorithm, cost, block_size, parallelism, salt, verifier)
    VALUES (p_login, 'scrypt', p_cost, p_block_size, p_parallelism, p_salt, p_verifier)
    ON CONFLICT (login) DO UPDATE SET cost = excluded.cost, block_size = excluded.block_size,
        parallelism = excluded.parallelism, salt = excluded.salt, verifier = excluded.verifier,
        set_at = v_now, failed_attempts = 0, locked_until = NULL;
    -- A new password ends the person's sessions.
    UPDATE rcm_auth.sessions s SET revoked_at = v_now WHERE s.login = p_login AND s.revoked_at IS NULL;
    PERFORM rcm_auth.record(p_event_id, 'identity.password_set', jsonb_build_object('login', p_login), 'cli');
END
$function$;

CREATE OR REPLACE FUNCTION rcm.revoke_api_key(p_key_id text, p_event_id uuid)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_role text;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may revoke an API key' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm_auth.api_keys k SET revoked_at = v_now
    WHERE k.key_id = p_key_id AND k.revoked_at IS NULL RETURNING k.role INTO v_role;
    IF FOUND THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.api_key_revoked', jsonb_build_object('keyID', p_key_id), 'cli');
    END IF;
    RETURN v_role;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.sign_out(p_token_hash bytea)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
BEGIN
    UPDATE rcm_auth.sessions s SET revoked_at = v_now
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL;
    RETURN FOUND;
END
$function$;

-- Citus refuses a STABLE function given a column in an UPDATE of a reference table (timestamptz + interval,
-- pg_has_role) and the pg_roles view beside it: the live session is found and locked first, then touched by its key.
CREATE OR REPLACE FUNCTION rcm.session_role(p_token_hash bytea)
 RETURNS TABLE(role text, session_id uuid)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now     timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_login   text;
    v_session uuid;
BEGIN
    SELECT s.login, s.session_id INTO v_login, v_session FROM rcm_auth.sessions s
    WHERE s.token_hash = p_token_hash AND s.stage = 'complete' AND s.revoked_at IS NULL
      AND s.expires_at > v_now AND s.last_seen_at + s.idle_timeout > v_now
    FOR UPDATE;
    IF NOT FOUND OR to_regrole(quote_ident(v_login)) IS NULL OR NOT pg_has_role('rcm_server', v_login, 'MEMBER') THEN
        RETURN;
    END IF;
    UPDATE rcm_auth.sessions s SET last_seen_at = v_now WHERE s.token_hash = p_token_hash;
    RETURN QUERY SELECT v_login, v_session;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.set_second_factor_policy(p_required_for text, p_event_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may set the second-factor policy' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm_auth.second_factor_policy SET required_for = p_required_for, set_at = v_now;
    PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_policy_set',
                            jsonb_build_object('requiredFor', p_required_for), 'cli');
END
$function$;

CREATE OR REPLACE FUNCTION rcm.revoke_server_access(p_login text, p_event_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_ended integer;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may revoke a person''s access' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm_auth.sessions s SET revoked_at = v_now WHERE s.login = p_login AND s.revoked_at IS NULL;
    GET DIAGNOSTICS v_ended = ROW_COUNT;
    PERFORM rcm_auth.record(p_event_id, 'identity.access_revoked',
                            jsonb_build_object('login', p_login, 'sessionsEnded', v_ended), 'cli');
    RETURN v_ended;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.set_session_policy(p_idle_seconds integer, p_event_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_live bytea[];
    v_open integer;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may set the session policy' USING ERRCODE = '42501';
    END IF;
    IF p_idle_seconds IS NULL OR p_idle_seconds NOT BETWEEN 1 AND 86400 THEN
        RAISE EXCEPTION 'the idle timeout is 1 second to 24 hours' USING ERRCODE = '22023';
    END IF;
    UPDATE rcm_auth.session_policy SET idle_timeout = make_interval(secs => p_idle_seconds), set_at = v_now;
    -- Only sessions still live: one already idle past its timeout stays ended when the period grows.
    -- (Found first, then updated by key: Citus refuses timestamptz + interval on columns in an UPDATE's WHERE.)
    v_live := ARRAY(SELECT s.token_hash FROM rcm_auth.sessions s
                    WHERE s.revoked_at IS NULL AND s.expires_at > v_now AND s.last_seen_at + s.idle_timeout > v_now);
    UPDATE rcm_auth.sessions s SET idle_timeout = make_interval(secs => p_idle_seconds)
    WHERE s.token_hash = ANY (v_live) AND s.revoked_at IS NULL;
    GET DIAGNOSTICS v_open = ROW_COUNT;
    PERFORM rcm_auth.record(p_event_id, 'identity.session_policy_set',
                            jsonb_build_object('idleSeconds', p_idle_seconds), 'cli');
    RETURN v_open;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.begin_passkey_ceremony(p_token_hash bytea, p_purpose text, p_challenge bytea)
 RETURNS TABLE(login text, credential_ids bytea[])
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_session rcm_auth.sessions%ROWTYPE;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server runs passkey ceremonies' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR (p_purpose = 'register' AND v_session.stage <> 'complete')
        OR (p_purpose = 'sign_in' AND v_session.stage <> 'second_factor') OR p_purpose NOT IN ('register', 'sign_in') THEN
        RETURN;
    END IF;
    DELETE FROM rcm_auth.webauthn_challenges c WHERE c.expires_at < v_now;
    INSERT INTO rcm_auth.webauthn_challenges AS c (token_hash, purpose, challenge, expires_at)
    VALUES (p_token_hash, p_purpose, p_challenge, v_now + interval '2 minutes')
    ON CONFLICT (token_hash, purpose) DO UPDATE SET challenge = excluded.challenge, expires_at = excluded.expires_at;
    RETURN QUERY SELECT v_session.login,
                        coalesce((SELECT array_agg(k.credential_id ORDER BY k.created_at) FROM rcm_auth.passkeys k WHERE k.login = v_session.login),
                                 '{}'::bytea[]);
END
$function$;

CREATE OR REPLACE FUNCTION rcm.prove_passkey(p_token_hash bytea, p_credential_id bytea, p_sign_count bigint, p_failure text, p_event_id uuid)
 RETURNS TABLE(outcome text, role text, retry_after integer, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
#variable_conflict use_column
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_session rcm_auth.sessions%ROWTYPE;
    v_locked  timestamptz;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server signs people in' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage <> 'second_factor' THEN
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT c.locked_until INTO v_locked FROM rcm_auth.credentials c WHERE c.login = v_session.login FOR UPDATE;
    IF v_locked IS NOT NULL AND v_locked > v_now THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_failed',
                                jsonb_build_object('login', v_session.login, 'factor', 'passkey', 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text, ceil(extract(epoch FROM v_locked - v_now))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    IF p_failure IS NOT NULL THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'passkey', p_failure);
        RETURN;
    END IF;
    UPDATE rcm_auth.passkeys k SET sign_count = p_sign_count, last_used_at = v_now
    WHERE k.login = v_session.login AND k.credential_id = p_credential_id
      AND (p_sign_count > k.sign_count OR (p_sign_count = 0 AND k.sign_count = 0));
    IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'passkey', 'replayed_counter');
        RETURN;
    END IF;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = v_session.login;
    UPDATE rcm_auth.sessions s
    SET stage = 'complete', last_seen_at = v_now, expires_at = v_now + coalesce(s.lifetime, interval '12 hours')
    WHERE s.token_hash = p_token_hash;
    PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                            jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id, 'method', 'password+passkey'), 'server');
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.prove_second_factor(p_token_hash bytea, p_factor text, p_code text, p_code_hash bytea, p_event_id uuid)
 RETURNS TABLE(outcome text, role text, retry_after integer, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
#variable_conflict use_column
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_session    rcm_auth.sessions%ROWTYPE;
    v_credential rcm_auth.credentials%ROWTYPE;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server signs people in' USING ERRCODE = '42501';
    END IF;
    IF p_factor IS DISTINCT FROM 'recovery_code' THEN
        RAISE EXCEPTION 'this function proves recovery codes; a TOTP code is checked by the server and proved with rcm.prove_totp'
            USING ERRCODE = 'RC002';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage <> 'second_factor' THEN
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT * INTO v_credential FROM rcm_auth.credentials c WHERE c.login = v_session.login FOR UPDATE;
    IF v_credential.locked_until IS NOT NULL AND v_credential.locked_until > v_now THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_failed',
                                jsonb_build_object('login', v_session.login, 'factor', p_factor, 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text,
                            ceil(extract(epoch FROM v_credential.locked_until - v_now))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    UPDATE rcm_auth.recovery_codes r SET used_at = v_now
    WHERE r.login = v_session.login AND r.code_hash = p_code_hash AND r.used_at IS NULL;
    IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(
            v_session.login, p_event_id, p_factor,
            CASE WHEN EXISTS (SELECT 1 FROM rcm_auth.recovery_codes r WHERE r.login = v_session.login AND r.code_hash = p_code_hash)
                 THEN 'used_code' ELSE 'wrong_code' END);
        RETURN;
    END IF;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = v_session.login;
    UPDATE rcm_auth.sessions s
    SET stage = 'complete', last_seen_at = v_now,
        expires_at = v_now + coalesce(s.lifetime, interval '12 hours')
    WHERE s.token_hash = p_token_hash;
    PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                            jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id,
                                               'method', 'password+' || p_factor), 'server');
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.begin_totp_enrolment(p_token_hash bytea, p_login text, p_sealed bytea, p_code_hashes bytea[])
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_session rcm_auth.sessions%ROWTYPE;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server enrols second factors' USING ERRCODE = '42501';
    END IF;
    IF cardinality(p_code_hashes) <> 10 THEN
        RAISE EXCEPTION 'ten recovery codes' USING ERRCODE = 'RC002';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.login <> p_login OR v_session.stage NOT IN ('complete', 'enrol') THEN
        RETURN NULL;
    END IF;
    INSERT INTO rcm_auth.totp_factors AS f (login, secret, sealed) VALUES (v_session.login, NULL, p_sealed)
    ON CONFLICT (login) DO UPDATE
        SET secret = NULL, sealed = excluded.sealed, enrolled_at = v_now, confirmed_at = NULL, last_step = 0
    WHERE v_session.stage = 'complete' OR f.confirmed_at IS NULL;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    -- The codes join at confirmation; until then they wait beside the unconfirmed secret (used_at = epoch).
    DELETE FROM rcm_auth.recovery_codes r WHERE r.login = v_session.login AND r.used_at = 'epoch';
    INSERT INTO rcm_auth.recovery_codes (login, code_hash, used_at)
    SELECT v_session.login, h, 'epoch' FROM unnest(p_code_hashes) h ON CONFLICT DO NOTHING;
    RETURN v_session.login;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.confirm_totp_enrolment(p_token_hash bytea, p_step bigint, p_event_id uuid, p_sign_in_event_id uuid)
 RETURNS TABLE(outcome text, role text, retry_after integer, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
#variable_conflict use_column
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_session rcm_auth.sessions%ROWTYPE;
    v_locked  timestamptz;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server enrols second factors' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage NOT IN ('complete', 'enrol') THEN
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT c.locked_until INTO v_locked FROM rcm_auth.credentials c WHERE c.login = v_session.login FOR UPDATE;
    IF v_locked IS NOT NULL AND v_locked > v_now THEN
        RETURN QUERY SELECT 'locked'::text, NULL::text, ceil(extract(epoch FROM v_locked - v_now))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    IF NOT rcm_auth.step_in_window(p_step) THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'totp', 'wrong_code');
        RETURN;
    END IF;
    UPDATE rcm_auth.totp_factors f SET confirmed_at = v_now, last_step = p_step
    WHERE f.login = v_session.login AND f.confirmed_at IS NULL;
    IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'totp', 'wrong_code');
        RETURN;
    END IF;
    DELETE FROM rcm_auth.recovery_codes r WHERE r.login = v_session.login AND r.used_at IS DISTINCT FROM 'epoch';
    UPDATE rcm_auth.recovery_codes r SET used_at = NULL WHERE r.login = v_session.login;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = v_session.login;
    PERFORM rcm_auth.record(p_event_id, 'identity.factor_enrolled',
                            jsonb_build_object('login', v_session.login, 'factor', 'totp'), 'server');
    IF v_session.stage = 'enrol' THEN
        UPDATE rcm_auth.sessions s
        SET stage = 'complete', last_seen_at = v_now, expires_at = v_now + coalesce(s.lifetime, interval '12 hours')
        WHERE s.token_hash = p_token_hash;
        PERFORM rcm_auth.record(p_sign_in_event_id, 'identity.signed_in',
                                jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id,
                                                   'method', 'password+totp'), 'server');
    END IF;
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$function$;

CREATE OR REPLACE FUNCTION rcm.prove_totp(p_token_hash bytea, p_step bigint, p_event_id uuid)
 RETURNS TABLE(outcome text, role text, retry_after integer, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'rcm'
AS $function$
#variable_conflict use_column
DECLARE
    v_now timestamptz := clock_timestamp();   -- one time for the whole call (Citus: no volatile call in UPDATE/DELETE)
    v_session rcm_auth.sessions%ROWTYPE;
    v_locked  timestamptz;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server signs people in' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage <> 'second_factor' THEN
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT c.locked_until INTO v_locked FROM rcm_auth.credentials c WHERE c.login = v_session.login FOR UPDATE;
    IF v_locked IS NOT NULL AND v_locked > v_now THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_failed',
                                jsonb_build_object('login', v_session.login, 'factor', 'totp', 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text, ceil(extract(epoch FROM v_locked - v_now))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    IF NOT rcm_auth.step_in_window(p_step) THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'totp', 'wrong_code');
        RETURN;
    END IF;
    UPDATE rcm_auth.totp_factors f SET last_step = p_step
    WHERE f.login = v_session.login AND f.confirmed_at IS NOT NULL AND f.last_step < p_step;
    IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(
            v_session.login, p_event_id, 'totp',
            CASE WHEN EXISTS (SELECT 1 FROM rcm_auth.totp_factors f WHERE f.login = v_session.login AND f.confirmed_at IS NOT NULL)
                 THEN 'reused_code' ELSE 'wrong_code' END);
        RETURN;
    END IF;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = v_session.login;
    UPDATE rcm_auth.sessions s
    SET stage = 'complete', last_seen_at = v_now, expires_at = v_now + coalesce(s.lifetime, interval '12 hours')
    WHERE s.token_hash = p_token_hash;
    PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                            jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id, 'method', 'password+totp'), 'server');
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$function$;
