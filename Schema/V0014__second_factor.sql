-- The second factor of the server's sign-in and access changes (docs/decisions/0011-second-factor-tls-access-changes.md,
-- issue #24 items 1 and 4): TOTP secrets and recovery codes in the owner-only schema rcm_auth, the company's
-- policy, sessions that wait for a second factor, an owner's reset, and revocation of a person's server access.
-- TOTP codes are computed and compared here (pgcrypto's HMAC-SHA1), so a secret never leaves the database
-- after enrolment; the server's login reaches all of it only through the definer functions below.

-- The company's policy: who must prove a second factor. `phi_readers` (the default): every person whose
-- group can read PHI (staff, owners, auditors); `everyone`; `nobody` (a person who enrolled still must).
CREATE TABLE rcm_auth.second_factor_policy (
    id           boolean PRIMARY KEY DEFAULT true CHECK (id),
    required_for text NOT NULL CHECK (required_for IN ('phi_readers', 'everyone', 'nobody')),
    set_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO rcm_auth.second_factor_policy (required_for) VALUES ('phi_readers');

-- One TOTP secret per person (RFC 6238: HMAC-SHA1, 30 s, 6 digits). Unconfirmed until the first code is
-- proved; last_step is the newest time step accepted, so a code is used once.
CREATE TABLE rcm_auth.totp_factors (
    login        text PRIMARY KEY REFERENCES rcm_auth.credentials (login) ON DELETE CASCADE,
    secret       bytea NOT NULL CHECK (octet_length(secret) = 20),
    enrolled_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    confirmed_at timestamptz,
    last_step    bigint NOT NULL DEFAULT 0
);

-- Ten single-use recovery codes per person, only their SHA-256 (50 random bits each).
CREATE TABLE rcm_auth.recovery_codes (
    login     text NOT NULL REFERENCES rcm_auth.credentials (login) ON DELETE CASCADE,
    code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
    used_at   timestamptz,
    PRIMARY KEY (login, code_hash)
);

-- A session's stage: `complete`, `second_factor` (password proved, a code is awaited) or `enrol` (password
-- proved, the policy needs a factor the person does not have yet: the session may only enrol one).
-- lifetime is the session's full lifetime, given when its second factor completes it.
ALTER TABLE rcm_auth.sessions ADD COLUMN stage text NOT NULL DEFAULT 'complete'
    CHECK (stage IN ('complete', 'second_factor', 'enrol'));
ALTER TABLE rcm_auth.sessions ADD COLUMN lifetime interval;

-- RFC 6238's code for a secret and a time step (RFC 4226 dynamic truncation, 6 digits).
CREATE FUNCTION rcm_auth.totp_code(p_secret bytea, p_step bigint) RETURNS text
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    WITH mac AS (SELECT public.hmac(int8send(p_step), p_secret, 'sha1') AS m),
         cut AS (SELECT m, get_byte(m, 19) & 15 AS o FROM mac)
    -- PostgreSQL gives <<, & and | one precedence, left to right: every shift is parenthesised.
    SELECT lpad(((((get_byte(m, o) & 127)::bigint << 24) | (get_byte(m, o + 1)::bigint << 16)
                  | (get_byte(m, o + 2)::bigint << 8) | get_byte(m, o + 3)::bigint) % 1000000)::text, 6, '0')
    FROM cut
$$;
REVOKE ALL ON FUNCTION rcm_auth.totp_code(bytea, bigint) FROM PUBLIC;

-- The TOTP time step now.
CREATE FUNCTION rcm_auth.current_step() RETURNS bigint
LANGUAGE sql VOLATILE SET search_path = pg_catalog AS $$
    SELECT floor(extract(epoch FROM clock_timestamp()) / 30)::bigint
$$;

-- Whether the policy makes `p_login` prove a second factor (a person with a confirmed factor always does).
CREATE FUNCTION rcm_auth.needs_second_factor(p_login text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT EXISTS (SELECT 1 FROM rcm_auth.totp_factors f WHERE f.login = p_login AND f.confirmed_at IS NOT NULL)
        OR (SELECT CASE p.required_for
                       WHEN 'everyone' THEN true
                       WHEN 'nobody' THEN false
                       ELSE pg_has_role(p_login, 'rcm_staff', 'MEMBER') OR pg_has_role(p_login, 'rcm_owner', 'MEMBER')
                            OR pg_has_role(p_login, 'rcm_auditor', 'MEMBER')
                   END
            FROM rcm_auth.second_factor_policy p)
$$;

-- A failed password or second factor: counts towards the lock (2^(n-4) s past the fourth, ≤ 15 min).
CREATE FUNCTION rcm_auth.count_failure(p_login text) RETURNS void
LANGUAGE sql SET search_path = pg_catalog AS $$
    UPDATE rcm_auth.credentials c
    SET failed_attempts = c.failed_attempts + 1,
        locked_until = CASE WHEN c.failed_attempts + 1 > 4
                            THEN clock_timestamp() + make_interval(secs => least(900, power(2, least(c.failed_attempts + 1 - 4, 10))))
                       END
    WHERE c.login = p_login
$$;

-- Sign-in (replaces V0009's): as before, and a proved password opens a session at stage `second_factor`
-- when the person has a factor, `enrol` when the policy needs one they lack, else `complete`. Outcomes:
-- 'signed_in', 'second_factor', 'enrol', 'refused', 'locked'.
CREATE OR REPLACE FUNCTION rcm.sign_in(
    p_login text, p_proof bytea, p_token_hash bytea, p_session_id uuid, p_event_id uuid,
    p_lifetime interval, p_idle_timeout interval
) RETURNS TABLE (outcome text, role text, retry_after integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_credential rcm_auth.credentials%ROWTYPE;
    v_now        timestamptz := clock_timestamp();
    v_stage      text;
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
        WHEN EXISTS (SELECT 1 FROM rcm_auth.totp_factors f WHERE f.login = p_login AND f.confirmed_at IS NOT NULL) THEN 'second_factor'
        WHEN rcm_auth.needs_second_factor(p_login) THEN 'enrol'
        ELSE 'complete' END;
    IF v_stage = 'complete' THEN
        UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = p_login;
    END IF;
    -- A session waiting for its second factor lives five minutes at most.
    INSERT INTO rcm_auth.sessions (token_hash, session_id, login, created_at, last_seen_at, expires_at, idle_timeout, stage, lifetime)
    VALUES (p_token_hash, p_session_id, p_login, v_now, v_now,
            v_now + CASE WHEN v_stage = 'complete' THEN p_lifetime ELSE least(p_lifetime, interval '5 minutes') END,
            p_idle_timeout, v_stage, p_lifetime);
    IF v_stage = 'complete' THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                                jsonb_build_object('login', p_login, 'sessionID', p_session_id, 'method', 'password'), 'server');
        RETURN QUERY SELECT 'signed_in'::text, p_login, NULL::integer;
    ELSE
        RETURN QUERY SELECT v_stage, p_login, NULL::integer;
    END IF;
END
$$;

-- The role a session acts as: only a complete session (a pending one may only finish its second factor).
CREATE OR REPLACE FUNCTION rcm.session_role(p_token_hash bytea) RETURNS TABLE (role text, session_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    RETURN QUERY
        UPDATE rcm_auth.sessions s SET last_seen_at = clock_timestamp()
        WHERE s.token_hash = p_token_hash AND s.stage = 'complete' AND s.revoked_at IS NULL
          AND s.expires_at > clock_timestamp() AND s.last_seen_at + s.idle_timeout > clock_timestamp()
          AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = s.login)
          AND pg_has_role('rcm_server', s.login, 'MEMBER')
        RETURNING s.login, s.session_id;
END
$$;

-- A live session (any stage) of a person still enabled for the server, locked for the update that follows.
CREATE FUNCTION rcm_auth.live_session(p_token_hash bytea) RETURNS rcm_auth.sessions
LANGUAGE sql VOLATILE SET search_path = pg_catalog AS $$
    SELECT s.* FROM rcm_auth.sessions s
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > clock_timestamp()
      AND s.last_seen_at + s.idle_timeout > clock_timestamp()
      AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = s.login)
      AND pg_has_role('rcm_server', s.login, 'MEMBER')
    FOR UPDATE
$$;

-- A refusal of a second factor: counted towards the lock and recorded. Returns the outcome row.
CREATE FUNCTION rcm_auth.refuse_factor(p_login text, p_event_id uuid, p_factor text, p_reason text)
RETURNS TABLE (outcome text, role text, retry_after integer, expires_at timestamptz)
LANGUAGE plpgsql SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_auth.count_failure(p_login);
    PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_failed',
                            jsonb_build_object('login', p_login, 'factor', p_factor, 'reason', p_reason), 'server');
    RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer, NULL::timestamptz;
END
$$;

-- Proves a second factor for a session at stage `second_factor`: a TOTP code (p_factor 'totp', p_code the
-- six digits; the current step ±1, newer than the last one accepted) or a recovery code (p_factor
-- 'recovery_code', p_code_hash its SHA-256, unused). Success completes the session and records
-- identity.signed_in; a failure is counted like a wrong password and recorded (identity.second_factor_failed,
-- reason wrong_code, reused_code, used_code or locked). Outcomes 'signed_in', 'refused', 'locked'; a session
-- that is not waiting for a factor is 'refused' with nothing recorded (there is no person to charge it to).
CREATE FUNCTION rcm.prove_second_factor(p_token_hash bytea, p_factor text, p_code text, p_code_hash bytea, p_event_id uuid)
RETURNS TABLE (outcome text, role text, retry_after integer, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
#variable_conflict use_column
DECLARE
    v_session    rcm_auth.sessions%ROWTYPE;
    v_credential rcm_auth.credentials%ROWTYPE;
    v_factor     rcm_auth.totp_factors%ROWTYPE;
    v_step       bigint := rcm_auth.current_step();
    v_matched    bigint;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server signs people in' USING ERRCODE = '42501';
    END IF;
    IF p_factor NOT IN ('totp', 'recovery_code') THEN
        RAISE EXCEPTION 'a second factor is totp or recovery_code' USING ERRCODE = 'RC002';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage <> 'second_factor' THEN
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT * INTO v_credential FROM rcm_auth.credentials c WHERE c.login = v_session.login FOR UPDATE;
    IF v_credential.locked_until IS NOT NULL AND v_credential.locked_until > clock_timestamp() THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_failed',
                                jsonb_build_object('login', v_session.login, 'factor', p_factor, 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text,
                            ceil(extract(epoch FROM v_credential.locked_until - clock_timestamp()))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    IF p_factor = 'totp' THEN
        SELECT * INTO v_factor FROM rcm_auth.totp_factors f
        WHERE f.login = v_session.login AND f.confirmed_at IS NOT NULL FOR UPDATE;
        SELECT max(s) INTO v_matched FROM generate_series(v_step - 1, v_step + 1) s
        WHERE v_factor.secret IS NOT NULL AND p_code IS NOT NULL AND rcm_auth.totp_code(v_factor.secret, s) = p_code;
        IF v_matched IS NULL THEN
            RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, p_factor, 'wrong_code');
            RETURN;
        ELSIF v_matched <= v_factor.last_step THEN
            RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, p_factor, 'reused_code');
            RETURN;
        END IF;
        UPDATE rcm_auth.totp_factors f SET last_step = v_matched WHERE f.login = v_session.login;
    ELSE
        UPDATE rcm_auth.recovery_codes r SET used_at = clock_timestamp()
        WHERE r.login = v_session.login AND r.code_hash = p_code_hash AND r.used_at IS NULL;
        IF NOT FOUND THEN
            RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(
                v_session.login, p_event_id, p_factor,
                CASE WHEN EXISTS (SELECT 1 FROM rcm_auth.recovery_codes r WHERE r.login = v_session.login AND r.code_hash = p_code_hash)
                     THEN 'used_code' ELSE 'wrong_code' END);
            RETURN;
        END IF;
    END IF;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = v_session.login;
    UPDATE rcm_auth.sessions s
    SET stage = 'complete', last_seen_at = clock_timestamp(),
        expires_at = clock_timestamp() + coalesce(s.lifetime, interval '12 hours')
    WHERE s.token_hash = p_token_hash;
    PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                            jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id,
                                               'method', 'password+' || p_factor), 'server');
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$$;

-- Starts a TOTP enrolment for the person of a live session (a complete one, or one at stage `enrol`): stores
-- a new unconfirmed secret and ten recovery-code hashes, replacing an unconfirmed enrolment. A person
-- with a confirmed factor enrols again only from a complete session. False when the session may not enrol.
CREATE FUNCTION rcm.begin_totp_enrolment(p_token_hash bytea, p_secret bytea, p_code_hashes bytea[]) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_session rcm_auth.sessions%ROWTYPE;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server enrols second factors' USING ERRCODE = '42501';
    END IF;
    IF cardinality(p_code_hashes) <> 10 THEN
        RAISE EXCEPTION 'ten recovery codes' USING ERRCODE = 'RC002';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage NOT IN ('complete', 'enrol') THEN
        RETURN NULL;
    END IF;
    INSERT INTO rcm_auth.totp_factors AS f (login, secret) VALUES (v_session.login, p_secret)
    ON CONFLICT (login) DO UPDATE SET secret = excluded.secret, enrolled_at = clock_timestamp(), confirmed_at = NULL, last_step = 0
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
$$;

-- Confirms an enrolment with its first code: the factor becomes the person's, the new recovery codes replace
-- the old ones, a session at stage `enrol` becomes complete, and identity.factor_enrolled is recorded. A
-- wrong code is counted and recorded like any failed second factor.
CREATE FUNCTION rcm.confirm_totp_enrolment(p_token_hash bytea, p_code text, p_event_id uuid, p_sign_in_event_id uuid)
RETURNS TABLE (outcome text, role text, retry_after integer, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
#variable_conflict use_column
DECLARE
    v_session rcm_auth.sessions%ROWTYPE;
    v_factor  rcm_auth.totp_factors%ROWTYPE;
    v_step    bigint := rcm_auth.current_step();
    v_matched bigint;
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
    IF v_locked IS NOT NULL AND v_locked > clock_timestamp() THEN
        RETURN QUERY SELECT 'locked'::text, NULL::text, ceil(extract(epoch FROM v_locked - clock_timestamp()))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT * INTO v_factor FROM rcm_auth.totp_factors f WHERE f.login = v_session.login AND f.confirmed_at IS NULL FOR UPDATE;
    SELECT max(s) INTO v_matched FROM generate_series(v_step - 1, v_step + 1) s
    WHERE v_factor.secret IS NOT NULL AND p_code IS NOT NULL AND rcm_auth.totp_code(v_factor.secret, s) = p_code;
    IF v_matched IS NULL THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'totp', 'wrong_code');
        RETURN;
    END IF;
    UPDATE rcm_auth.totp_factors f SET confirmed_at = clock_timestamp(), last_step = v_matched WHERE f.login = v_session.login;
    DELETE FROM rcm_auth.recovery_codes r WHERE r.login = v_session.login AND r.used_at IS DISTINCT FROM 'epoch';
    UPDATE rcm_auth.recovery_codes r SET used_at = NULL WHERE r.login = v_session.login;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = v_session.login;
    PERFORM rcm_auth.record(p_event_id, 'identity.factor_enrolled',
                            jsonb_build_object('login', v_session.login, 'factor', 'totp'), 'server');
    IF v_session.stage = 'enrol' THEN
        UPDATE rcm_auth.sessions s
        SET stage = 'complete', last_seen_at = clock_timestamp(), expires_at = clock_timestamp() + coalesce(s.lifetime, interval '12 hours')
        WHERE s.token_hash = p_token_hash;
        PERFORM rcm_auth.record(p_sign_in_event_id, 'identity.signed_in',
                                jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id,
                                                   'method', 'password+totp'), 'server');
    END IF;
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$$;

-- Owners' administration: the policy, and a reset of a person's factors (which ends their sessions).
CREATE FUNCTION rcm.set_second_factor_policy(p_required_for text, p_event_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may set the second-factor policy' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm_auth.second_factor_policy SET required_for = p_required_for, set_at = clock_timestamp();
    PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_policy_set',
                            jsonb_build_object('requiredFor', p_required_for), 'cli');
END
$$;

CREATE FUNCTION rcm.second_factor_policy() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT required_for FROM rcm_auth.second_factor_policy
$$;

CREATE FUNCTION rcm.reset_second_factors(p_login text, p_event_id uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_had boolean;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may reset a person''s second factors' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM rcm_auth.credentials c WHERE c.login = p_login) THEN
        RAISE EXCEPTION 'no server sign-in for login %', p_login USING ERRCODE = 'RC002';
    END IF;
    DELETE FROM rcm_auth.totp_factors f WHERE f.login = p_login;
    v_had := FOUND;
    DELETE FROM rcm_auth.recovery_codes r WHERE r.login = p_login;
    UPDATE rcm_auth.sessions s SET revoked_at = clock_timestamp() WHERE s.login = p_login AND s.revoked_at IS NULL;
    PERFORM rcm_auth.record(p_event_id, 'identity.factors_reset', jsonb_build_object('login', p_login), 'cli');
    RETURN v_had;
END
$$;

-- Revokes a person's server access: their sessions end at once (the next request is 401) and the server's
-- login may no longer act as them (rcm.disable_for_server, run as the caller, takes the membership).
CREATE FUNCTION rcm.revoke_server_access(p_login text, p_event_id uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_ended integer;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may revoke a person''s access' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm_auth.sessions s SET revoked_at = clock_timestamp() WHERE s.login = p_login AND s.revoked_at IS NULL;
    GET DIAGNOSTICS v_ended = ROW_COUNT;
    PERFORM rcm_auth.record(p_event_id, 'identity.access_revoked',
                            jsonb_build_object('login', p_login, 'sessionsEnded', v_ended), 'cli');
    RETURN v_ended;
END
$$;

CREATE FUNCTION rcm.disable_for_server(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'no login %', p_login USING ERRCODE = 'RC002';
    END IF;
    IF pg_has_role('rcm_server', p_login, 'MEMBER') THEN
        EXECUTE format('REVOKE %I FROM rcm_server', p_login);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION rcm_auth.current_step(), rcm_auth.needs_second_factor(text), rcm_auth.count_failure(text),
    rcm_auth.live_session(bytea), rcm_auth.refuse_factor(text, uuid, text, text),
    rcm.prove_second_factor(bytea, text, text, bytea, uuid), rcm.begin_totp_enrolment(bytea, bytea, bytea[]),
    rcm.confirm_totp_enrolment(bytea, text, uuid, uuid), rcm.set_second_factor_policy(text, uuid), rcm.second_factor_policy(),
    rcm.reset_second_factors(text, uuid), rcm.revoke_server_access(text, uuid), rcm.disable_for_server(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.prove_second_factor(bytea, text, text, bytea, uuid), rcm.begin_totp_enrolment(bytea, bytea, bytea[]),
    rcm.confirm_totp_enrolment(bytea, text, uuid, uuid) TO rcm_server;
