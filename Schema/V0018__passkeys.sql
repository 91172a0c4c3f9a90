-- WebAuthn passkeys, a second factor beside TOTP (docs/decisions/0016-passkeys.md, issue #24 item 1): each
-- person's credentials (id and public key only: the private key never leaves the authenticator) and the
-- single-use challenges of the ceremonies. The server verifies the WebAuthn answers in Swift (CBOR, COSE,
-- signatures); the database keeps the challenge, the counter and the session's stage, and decides atomically.
-- On Citus, DDL on distributed tables and new functions share one connection per node in this transaction.
SELECT set_config('citus.multi_shard_modify_mode', 'sequential', true) WHERE EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus');

-- A person's passkeys. Company data (tenant = the company's tenant), so tenant_id leads the key and row-level
-- security applies as to every tenant table (decision 0005); the owner-only schema keeps staff out entirely.
CREATE TABLE rcm_auth.passkeys (
    tenant_id          uuid        NOT NULL REFERENCES rcm.tenants (tenant_id),
    credential_id      bytea       NOT NULL CHECK (octet_length(credential_id) BETWEEN 1 AND 1023),
    login              text        NOT NULL REFERENCES rcm_auth.credentials (login) ON DELETE CASCADE,
    public_key         bytea       NOT NULL CHECK (octet_length(public_key) <= 1024),
    algorithm          integer     NOT NULL CHECK (algorithm IN (-7, -257)),
    sign_count         bigint      NOT NULL CHECK (sign_count BETWEEN 0 AND 4294967295),
    attestation_format text        NOT NULL CHECK (length(attestation_format) BETWEEN 1 AND 32),
    user_verified      boolean     NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_used_at       timestamptz,
    PRIMARY KEY (tenant_id, credential_id)
);
CREATE INDEX passkeys_by_login ON rcm_auth.passkeys (login);
ALTER TABLE rcm_auth.passkeys ENABLE ROW LEVEL SECURITY;
CREATE POLICY passkeys_by_tenant ON rcm_auth.passkeys FOR ALL
    USING (tenant_id = ANY (rcm.accessible_tenants()))
    WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()));

-- The challenge of a ceremony under way: one per session and purpose, two minutes, taken (deleted) once.
CREATE TABLE rcm_auth.webauthn_challenges (
    token_hash bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    purpose    text        NOT NULL CHECK (purpose IN ('register', 'sign_in')),
    challenge  bytea       NOT NULL CHECK (octet_length(challenge) = 32),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (token_hash, purpose)
);

SELECT rcm_schema.place('rcm_auth.passkeys', 'reference');
SELECT rcm_schema.place('rcm_auth.webauthn_challenges', 'reference');

-- Whether a person has a second factor: a confirmed TOTP secret or a passkey.
CREATE FUNCTION rcm_auth.has_factor(p_login text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT EXISTS (SELECT 1 FROM rcm_auth.totp_factors f WHERE f.login = p_login AND f.confirmed_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM rcm_auth.passkeys k WHERE k.login = p_login)
$$;

CREATE OR REPLACE FUNCTION rcm_auth.needs_second_factor(p_login text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT rcm_auth.has_factor(p_login)
        OR (SELECT CASE p.required_for
                       WHEN 'everyone' THEN true
                       WHEN 'nobody' THEN false
                       ELSE pg_has_role(p_login, 'rcm_staff', 'MEMBER') OR pg_has_role(p_login, 'rcm_owner', 'MEMBER')
                            OR pg_has_role(p_login, 'rcm_auditor', 'MEMBER')
                   END
            FROM rcm_auth.second_factor_policy p)
$$;

-- Sign-in (replaces V0014's): a person with a passkey and no TOTP waits for a second factor too.
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
        WHEN rcm_auth.has_factor(p_login) THEN 'second_factor'
        WHEN rcm_auth.needs_second_factor(p_login) THEN 'enrol'
        ELSE 'complete' END;
    IF v_stage = 'complete' THEN
        UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = p_login;
    END IF;
    INSERT INTO rcm_auth.sessions (token_hash, session_id, login, created_at, last_seen_at, expires_at, idle_timeout, stage, lifetime)
    VALUES (p_token_hash, p_session_id, p_login, v_now, v_now,
            v_now + CASE WHEN v_stage = 'complete' THEN p_lifetime ELSE least(p_lifetime, interval '5 minutes') END,
            coalesce((SELECT p.idle_timeout FROM rcm_auth.session_policy p), p_idle_timeout), v_stage, p_lifetime);
    IF v_stage = 'complete' THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                                jsonb_build_object('login', p_login, 'sessionID', p_session_id, 'method', 'password'), 'server');
        RETURN QUERY SELECT 'signed_in'::text, p_login, NULL::integer;
    ELSE
        RETURN QUERY SELECT v_stage, p_login, NULL::integer;
    END IF;
END
$$;

-- Starts a ceremony for a live session: `register` (a complete session adds a passkey) or `sign_in` (a
-- session waiting for its second factor). Stores the server's challenge (replacing an earlier one of the same
-- session and purpose) and answers the person's login and passkeys' ids (excluded from a registration,
-- allowed for a sign-in); no row when the session may not.
CREATE FUNCTION rcm.begin_passkey_ceremony(p_token_hash bytea, p_purpose text, p_challenge bytea)
RETURNS TABLE (login text, credential_ids bytea[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
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
    DELETE FROM rcm_auth.webauthn_challenges c WHERE c.expires_at < clock_timestamp();
    INSERT INTO rcm_auth.webauthn_challenges AS c (token_hash, purpose, challenge, expires_at)
    VALUES (p_token_hash, p_purpose, p_challenge, clock_timestamp() + interval '2 minutes')
    ON CONFLICT (token_hash, purpose) DO UPDATE SET challenge = excluded.challenge, expires_at = excluded.expires_at;
    RETURN QUERY SELECT v_session.login,
                        coalesce((SELECT array_agg(k.credential_id ORDER BY k.created_at) FROM rcm_auth.passkeys k WHERE k.login = v_session.login),
                                 '{}'::bytea[]);
END
$$;

-- Takes (deletes) the challenge of a session's ceremony: NULL when there is none, it expired or it was taken.
CREATE FUNCTION rcm.take_passkey_challenge(p_token_hash bytea, p_purpose text) RETURNS bytea
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$
    DELETE FROM rcm_auth.webauthn_challenges c
    WHERE c.token_hash = p_token_hash AND c.purpose = p_purpose AND c.expires_at >= clock_timestamp()
    RETURNING c.challenge
$$;

-- Adds a verified passkey for the person of a complete session; records identity.factor_enrolled (factor
-- passkey). 'added', 'duplicate' (the credential is already registered) or 'refused' (no such session).
CREATE FUNCTION rcm.add_passkey(
    p_token_hash bytea, p_credential_id bytea, p_public_key bytea, p_algorithm integer, p_sign_count bigint,
    p_attestation_format text, p_user_verified boolean, p_event_id uuid
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_session rcm_auth.sessions%ROWTYPE;
    v_company uuid;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server adds passkeys' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage <> 'complete' THEN
        RETURN 'refused';
    END IF;
    SELECT t.tenant_id INTO v_company FROM rcm.tenants t WHERE t.kind = 'company';
    INSERT INTO rcm_auth.passkeys (tenant_id, credential_id, login, public_key, algorithm, sign_count, attestation_format, user_verified)
    VALUES (v_company, p_credential_id, v_session.login, p_public_key, p_algorithm, p_sign_count, p_attestation_format, p_user_verified)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 'duplicate';
    END IF;
    PERFORM rcm_auth.record(p_event_id, 'identity.factor_enrolled',
                            jsonb_build_object('login', v_session.login, 'factor', 'passkey'), 'server');
    RETURN 'added';
END
$$;

-- Removes one of the person's passkeys from a complete session; records identity.factor_removed.
CREATE FUNCTION rcm.remove_passkey(p_token_hash bytea, p_credential_id bytea, p_event_id uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_session rcm_auth.sessions%ROWTYPE;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server removes passkeys' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL OR v_session.stage <> 'complete' THEN
        RETURN false;
    END IF;
    DELETE FROM rcm_auth.passkeys k WHERE k.login = v_session.login AND k.credential_id = p_credential_id;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM rcm_auth.record(p_event_id, 'identity.factor_removed',
                            jsonb_build_object('login', v_session.login, 'factor', 'passkey'), 'server');
    RETURN true;
END
$$;

-- The passkeys of a session's person (any live stage), newest first, for the console's pages.
CREATE FUNCTION rcm.session_passkeys(p_token_hash bytea)
RETURNS TABLE (credential_id bytea, algorithm integer, attestation_format text, user_verified boolean,
               created_at timestamptz, last_used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT k.credential_id, k.algorithm, k.attestation_format, k.user_verified, k.created_at, k.last_used_at
    FROM rcm_auth.passkeys k JOIN rcm_auth.sessions s ON s.login = k.login
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > clock_timestamp()
    ORDER BY k.created_at DESC
$$;

-- The stored key and counter of a passkey of the person whose session waits for a second factor.
CREATE FUNCTION rcm.passkey_for_sign_in(p_token_hash bytea, p_credential_id bytea)
RETURNS TABLE (public_key bytea, sign_count bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT k.public_key, k.sign_count
    FROM rcm_auth.passkeys k JOIN rcm_auth.sessions s ON s.login = k.login
    WHERE s.token_hash = p_token_hash AND s.stage = 'second_factor' AND s.revoked_at IS NULL
      AND s.expires_at > clock_timestamp() AND k.credential_id = p_credential_id
$$;

-- Proves a passkey for a session waiting for its second factor, after the server verified the assertion
-- (p_failure NULL) or found it wrong (p_failure the reason: wrong_signature, replayed_challenge, mismatch,
-- malformed, unknown_credential...). The counter moves on atomically: an assertion whose counter is not
-- above the stored one (when either is not zero) is refused as replayed_counter. A failure is counted like a
-- wrong password and recorded (identity.second_factor_failed, factor passkey); success completes the session.
CREATE FUNCTION rcm.prove_passkey(p_token_hash bytea, p_credential_id bytea, p_sign_count bigint, p_failure text, p_event_id uuid)
RETURNS TABLE (outcome text, role text, retry_after integer, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
#variable_conflict use_column
DECLARE
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
    IF v_locked IS NOT NULL AND v_locked > clock_timestamp() THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_failed',
                                jsonb_build_object('login', v_session.login, 'factor', 'passkey', 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text, ceil(extract(epoch FROM v_locked - clock_timestamp()))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    IF p_failure IS NOT NULL THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'passkey', p_failure);
        RETURN;
    END IF;
    UPDATE rcm_auth.passkeys k SET sign_count = p_sign_count, last_used_at = clock_timestamp()
    WHERE k.login = v_session.login AND k.credential_id = p_credential_id
      AND (p_sign_count > k.sign_count OR (p_sign_count = 0 AND k.sign_count = 0));
    IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'passkey', 'replayed_counter');
        RETURN;
    END IF;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = v_session.login;
    UPDATE rcm_auth.sessions s
    SET stage = 'complete', last_seen_at = clock_timestamp(), expires_at = clock_timestamp() + coalesce(s.lifetime, interval '12 hours')
    WHERE s.token_hash = p_token_hash;
    PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                            jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id, 'method', 'password+passkey'), 'server');
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$$;

-- An owner's reset (replaces V0014's) removes the person's passkeys too.
CREATE OR REPLACE FUNCTION rcm.reset_second_factors(p_login text, p_event_id uuid) RETURNS boolean
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
    v_had := rcm_auth.has_factor(p_login);
    DELETE FROM rcm_auth.totp_factors f WHERE f.login = p_login;
    DELETE FROM rcm_auth.passkeys k WHERE k.login = p_login;
    DELETE FROM rcm_auth.recovery_codes r WHERE r.login = p_login;
    UPDATE rcm_auth.sessions s SET revoked_at = clock_timestamp() WHERE s.login = p_login AND s.revoked_at IS NULL;
    PERFORM rcm_auth.record(p_event_id, 'identity.factors_reset', jsonb_build_object('login', p_login), 'cli');
    RETURN v_had;
END
$$;

REVOKE ALL ON FUNCTION rcm_auth.has_factor(text), rcm.begin_passkey_ceremony(bytea, text, bytea), rcm.take_passkey_challenge(bytea, text),
    rcm.add_passkey(bytea, bytea, bytea, integer, bigint, text, boolean, uuid), rcm.remove_passkey(bytea, bytea, uuid),
    rcm.session_passkeys(bytea), rcm.passkey_for_sign_in(bytea, bytea), rcm.prove_passkey(bytea, bytea, bigint, text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.begin_passkey_ceremony(bytea, text, bytea), rcm.take_passkey_challenge(bytea, text),
    rcm.add_passkey(bytea, bytea, bytea, integer, bigint, text, boolean, uuid), rcm.remove_passkey(bytea, bytea, uuid),
    rcm.session_passkeys(bytea), rcm.passkey_for_sign_in(bytea, bytea), rcm.prove_passkey(bytea, bytea, bigint, text, uuid) TO rcm_server;
