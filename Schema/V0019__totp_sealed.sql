-- The TOTP secret sealed under the company's data key (issue #24; docs/decisions/0018-totp-sealed.md, which settles
-- what 0011 and 0016 left open). The server makes the secret, seals it with AES-256-GCM under the company tenant's
-- data key (rcm_phi.data_keys, wrapped by the operator's key-encryption key, which never enters the database) and
-- stores only the sealed bytes; at sign-in it opens the secret and computes the codes in Swift. The database keeps
-- what must be atomic: the session's stage, the lock after repeated failures, and "each time step once", a
-- compare-and-set on last_step under the person's credential row lock, so two sign-ins racing with one code
-- cannot both pass. Rows kept in clear before this migration are sealed by `rcm admin keys rotate`.
-- On Citus, DDL on distributed tables and new functions share one connection per node in this transaction.
SELECT set_config('citus.multi_shard_modify_mode', 'sequential', true) WHERE EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus');

-- 1. The secret: sealed (format byte, 12-byte nonce, 20 bytes, 16-byte tag), or, only in rows kept before V0019,
--    in clear until `rcm admin keys rotate` seals it; never both, never neither.
ALTER TABLE rcm_auth.totp_factors
    ALTER COLUMN secret DROP NOT NULL,
    ADD COLUMN sealed bytea CHECK (octet_length(sealed) = 49),
    ADD CONSTRAINT totp_factors_sealed_or_clear CHECK ((secret IS NULL) <> (sealed IS NULL));
COMMENT ON COLUMN rcm_auth.totp_factors.sealed IS
    'TOTP secret sealed with AES-256-GCM under the company''s data key, bound to the login; opened only by the product.';
COMMENT ON COLUMN rcm_auth.totp_factors.secret IS
    'TOTP secret in clear, only in rows kept before V0019; rcm admin keys rotate seals and empties it.';

-- 2. The company's data key is made only through rcm.add_company_data_key (the server's or an owner's): a staff
--    login, which may insert its practices' keys, may not plant one for the company tenant.
CREATE FUNCTION rcm_phi.is_company(p_tenant uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = p_tenant AND t.kind = 'company')
$$;
ALTER POLICY data_keys_by_tenant ON rcm_phi.data_keys
    USING (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor'))
    WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor')
                AND (rcm.acts_in('rcm_owner') OR NOT rcm_phi.is_company(tenant_id)));

-- The company tenant and its wrapped data key (NULLs for the key while it has none).
CREATE FUNCTION rcm.company_data_key() RETURNS TABLE (tenant_id uuid, wrapped_key bytea, kek_id text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server or an owner reads the company''s data key' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT t.tenant_id, k.wrapped_key, k.kek_id
                 FROM rcm.tenants t LEFT JOIN rcm_phi.data_keys k ON k.tenant_id = t.tenant_id
                 WHERE t.kind = 'company';
END
$$;

-- Stores the company's first data key (wrapped by the product); a key already there wins (two first writers agree
-- on one key). Answers the stored key.
CREATE FUNCTION rcm.add_company_data_key(p_wrapped bytea, p_kek_id text) RETURNS TABLE (tenant_id uuid, wrapped_key bytea, kek_id text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
#variable_conflict use_column
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server or an owner makes the company''s data key' USING ERRCODE = '42501';
    END IF;
    INSERT INTO rcm_phi.data_keys (tenant_id, wrapped_key, kek_id)
    SELECT t.tenant_id, p_wrapped, p_kek_id FROM rcm.tenants t WHERE t.kind = 'company'
    ON CONFLICT DO NOTHING;
    RETURN QUERY SELECT t.tenant_id, k.wrapped_key, k.kek_id
                 FROM rcm.tenants t JOIN rcm_phi.data_keys k ON k.tenant_id = t.tenant_id
                 WHERE t.kind = 'company';
END
$$;

-- 3. What the server needs to check a code for a live session, and only then: the person's login, their TOTP secret
--    (sealed, or clear in a row kept before V0019), the newest step accepted and the step now (the database's clock,
--    as before). p_purpose 'enrol' (a complete session or one sent to enrol; no secret), 'confirm' (the same
--    sessions; the unconfirmed secret) or 'sign_in' (a session waiting for its second factor; the confirmed secret).
--    No row when the session may not; the secret's columns are NULL when the person has no such factor. The
--    session's row and the person's factor stay locked for the transaction.
CREATE FUNCTION rcm.totp_factor(p_token_hash bytea, p_purpose text)
RETURNS TABLE (login text, sealed bytea, secret bytea, last_step bigint, step bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
#variable_conflict use_column
DECLARE
    v_session rcm_auth.sessions%ROWTYPE;
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server checks second factors' USING ERRCODE = '42501';
    END IF;
    IF p_purpose NOT IN ('enrol', 'confirm', 'sign_in') THEN
        RAISE EXCEPTION 'a TOTP purpose is enrol, confirm or sign_in' USING ERRCODE = 'RC002';
    END IF;
    SELECT * INTO v_session FROM rcm_auth.live_session(p_token_hash);
    IF v_session.login IS NULL
        OR (p_purpose = 'sign_in' AND v_session.stage <> 'second_factor')
        OR (p_purpose <> 'sign_in' AND v_session.stage NOT IN ('complete', 'enrol')) THEN
        RETURN;
    END IF;
    -- The person's factor stays locked until the decision, so an enrolment begun meanwhile cannot swap the secret
    -- the server is checking, and one person's TOTP decisions queue.
    PERFORM 1 FROM rcm_auth.totp_factors f WHERE f.login = v_session.login FOR UPDATE;
    RETURN QUERY
        SELECT v_session.login, f.sealed, f.secret, f.last_step, rcm_auth.current_step()
        FROM (SELECT 1) one
        LEFT JOIN rcm_auth.totp_factors f
          ON p_purpose <> 'enrol' AND f.login = v_session.login
         AND (f.confirmed_at IS NOT NULL) = (p_purpose = 'sign_in');
END
$$;

-- 4. Enrolment (replaces V0014's): stores the sealed secret the server made for p_login (the session's person:
--    the server sealed it bound to that login) and ten recovery-code hashes, replacing an unconfirmed enrolment. A
--    person with a confirmed factor enrols again only from a complete session. NULL when the session may not enrol.
DROP FUNCTION rcm.begin_totp_enrolment(bytea, bytea, bytea[]);
CREATE FUNCTION rcm.begin_totp_enrolment(p_token_hash bytea, p_login text, p_sealed bytea, p_code_hashes bytea[]) RETURNS text
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
    IF v_session.login IS NULL OR v_session.login <> p_login OR v_session.stage NOT IN ('complete', 'enrol') THEN
        RETURN NULL;
    END IF;
    INSERT INTO rcm_auth.totp_factors AS f (login, secret, sealed) VALUES (v_session.login, NULL, p_sealed)
    ON CONFLICT (login) DO UPDATE
        SET secret = NULL, sealed = excluded.sealed, enrolled_at = clock_timestamp(), confirmed_at = NULL, last_step = 0
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

-- Whether the server's answer names a step of the window around now: p_step is the newest step whose code matched
-- (the server checked now-1, now, now+1 a moment ago; a step may have begun since). Anything else is a wrong code.
CREATE FUNCTION rcm_auth.step_in_window(p_step bigint) RETURNS boolean
LANGUAGE sql VOLATILE SET search_path = pg_catalog AS $$
    SELECT p_step IS NOT NULL AND p_step BETWEEN rcm_auth.current_step() - 2 AND rcm_auth.current_step() + 1
$$;

-- 5. Confirmation (replaces V0014's): the server opened the unconfirmed secret and found the code's step (p_step),
--    or found none (NULL). The factor becomes the person's, the new recovery codes replace the old ones, a session
--    at stage `enrol` becomes complete and identity.factor_enrolled is recorded; a wrong code is counted and
--    recorded like any failed second factor.
DROP FUNCTION rcm.confirm_totp_enrolment(bytea, text, uuid, uuid);
CREATE FUNCTION rcm.confirm_totp_enrolment(p_token_hash bytea, p_step bigint, p_event_id uuid, p_sign_in_event_id uuid)
RETURNS TABLE (outcome text, role text, retry_after integer, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
#variable_conflict use_column
DECLARE
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
    IF v_locked IS NOT NULL AND v_locked > clock_timestamp() THEN
        RETURN QUERY SELECT 'locked'::text, NULL::text, ceil(extract(epoch FROM v_locked - clock_timestamp()))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    IF NOT rcm_auth.step_in_window(p_step) THEN
        RETURN QUERY SELECT * FROM rcm_auth.refuse_factor(v_session.login, p_event_id, 'totp', 'wrong_code');
        RETURN;
    END IF;
    UPDATE rcm_auth.totp_factors f SET confirmed_at = clock_timestamp(), last_step = p_step
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

-- 6. Sign-in with a TOTP code: the server opened the confirmed secret and found the code's step (p_step), or none
--    (NULL). Under the person's credential row lock, the step must be newer than the last one accepted (a
--    compare-and-set on last_step): the same code twice, also from two sign-ins racing, passes once. Success
--    completes the session and records identity.signed_in; a refusal is counted and recorded as before (wrong_code,
--    reused_code, locked). Outcomes and answers as rcm.prove_second_factor's.
CREATE FUNCTION rcm.prove_totp(p_token_hash bytea, p_step bigint, p_event_id uuid)
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
                                jsonb_build_object('login', v_session.login, 'factor', 'totp', 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text, ceil(extract(epoch FROM v_locked - clock_timestamp()))::integer, NULL::timestamptz;
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
    SET stage = 'complete', last_seen_at = clock_timestamp(), expires_at = clock_timestamp() + coalesce(s.lifetime, interval '12 hours')
    WHERE s.token_hash = p_token_hash;
    PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                            jsonb_build_object('login', v_session.login, 'sessionID', v_session.session_id, 'method', 'password+totp'), 'server');
    RETURN QUERY SELECT 'signed_in'::text, v_session.login, NULL::integer, s.expires_at
                 FROM rcm_auth.sessions s WHERE s.token_hash = p_token_hash;
END
$$;

-- 7. Recovery codes (replaces V0014's prove_second_factor): TOTP codes go through rcm.prove_totp now; this keeps
--    the recovery-code path unchanged.
CREATE OR REPLACE FUNCTION rcm.prove_second_factor(p_token_hash bytea, p_factor text, p_code text, p_code_hash bytea, p_event_id uuid)
RETURNS TABLE (outcome text, role text, retry_after integer, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
#variable_conflict use_column
DECLARE
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
    IF v_credential.locked_until IS NOT NULL AND v_credential.locked_until > clock_timestamp() THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.second_factor_failed',
                                jsonb_build_object('login', v_session.login, 'factor', p_factor, 'reason', 'locked'), 'server');
        RETURN QUERY SELECT 'locked'::text, NULL::text,
                            ceil(extract(epoch FROM v_credential.locked_until - clock_timestamp()))::integer, NULL::timestamptz;
        RETURN;
    END IF;
    UPDATE rcm_auth.recovery_codes r SET used_at = clock_timestamp()
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

-- The database no longer computes codes: it holds no secret it could compute them with.
DROP FUNCTION rcm_auth.totp_code(bytea, bigint);

REVOKE ALL ON FUNCTION rcm_phi.is_company(uuid), rcm.company_data_key(), rcm.add_company_data_key(bytea, text),
    rcm.totp_factor(bytea, text), rcm.begin_totp_enrolment(bytea, text, bytea, bytea[]), rcm_auth.step_in_window(bigint),
    rcm.confirm_totp_enrolment(bytea, bigint, uuid, uuid), rcm.prove_totp(bytea, bigint, uuid) FROM PUBLIC;
-- Staff evaluate the data keys' policy when they insert a practice's key.
GRANT EXECUTE ON FUNCTION rcm_phi.is_company(uuid) TO rcm_staff;
GRANT EXECUTE ON FUNCTION rcm.company_data_key(), rcm.add_company_data_key(bytea, text), rcm.totp_factor(bytea, text),
    rcm.begin_totp_enrolment(bytea, text, bytea, bytea[]), rcm.confirm_totp_enrolment(bytea, bigint, uuid, uuid),
    rcm.prove_totp(bytea, bigint, uuid) TO rcm_server;
