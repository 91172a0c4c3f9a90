-- The server's credentials (decision 0006, docs/decisions/0008-server-sign-in-and-api.md): password verifiers,
-- sessions and API keys, in a schema nobody but the owner can read. The server's login reaches them only
-- through the SECURITY DEFINER functions below; administration (owners) sets passwords and keys.
-- Company-wide, like people: no tenant_id (on Citus these are reference tables).

-- A change to the log's access rule: the company tenant accepts appends from the server's own login too,
-- but only through definer functions (it holds EXECUTE on none of the append functions): the sign-in
-- function records sign-ins and failures in the company's log with db_user = rcm_server. Reads stay as V0007
-- has them (the server's login alone sees nothing).
CREATE OR REPLACE FUNCTION rcm.may_access(p_tenant uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT rcm.acts_in('rcm_owner')
        OR rcm.acts_in('rcm_auditor')
        OR EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = p_tenant AND t.kind = 'company')
        OR EXISTS (SELECT 1 FROM rcm.staff_assignments a WHERE a.tenant_id = p_tenant AND a.login = rcm.acting_role())
$$;

CREATE SCHEMA rcm_auth;
REVOKE ALL ON SCHEMA rcm_auth FROM PUBLIC;

-- One password verifier per person: scrypt(password, salt, N, r, p) is computed by the product (the
-- database has no scrypt); only its SHA-256 is stored, so the stored value is not itself a credential.
CREATE TABLE rcm_auth.credentials (
    login           text PRIMARY KEY CHECK (login ~ '^[a-z][a-z0-9_]{2,62}$'),
    algorithm       text NOT NULL CHECK (algorithm = 'scrypt'),
    cost            integer NOT NULL CHECK (cost >= 1024 AND (cost & (cost - 1)) = 0),
    block_size      integer NOT NULL CHECK (block_size BETWEEN 1 AND 64),
    parallelism     integer NOT NULL CHECK (parallelism BETWEEN 1 AND 16),
    salt            bytea NOT NULL CHECK (octet_length(salt) BETWEEN 16 AND 64),
    verifier        bytea NOT NULL CHECK (octet_length(verifier) = 32),
    set_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until    timestamptz
);

-- Sessions: the token is shown once (a cookie or bearer token); only its SHA-256 is kept.
CREATE TABLE rcm_auth.sessions (
    token_hash   bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    session_id   uuid NOT NULL UNIQUE,
    login        text NOT NULL REFERENCES rcm_auth.credentials (login),
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_seen_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at   timestamptz NOT NULL,
    idle_timeout interval NOT NULL CHECK (idle_timeout > interval '0'),
    revoked_at   timestamptz
);
CREATE INDEX sessions_login ON rcm_auth.sessions (login) WHERE revoked_at IS NULL;

-- API keys: each a NOLOGIN role of its own (a member of rcm_staff, assigned to practices like a person),
-- limited to a list of actions the server enforces; the secret is shown once, its SHA-256 kept.
CREATE TABLE rcm_auth.api_keys (
    key_id      text PRIMARY KEY CHECK (key_id ~ '^[a-z0-9]{12}$'),
    role        text NOT NULL UNIQUE,
    secret_hash bytea NOT NULL CHECK (octet_length(secret_hash) = 32),
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    actions     text[] NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    revoked_at  timestamptz
);

-- A per-database secret that makes the sign-in parameters of an unknown login look like a real one's.
CREATE TABLE rcm_auth.decoy_key (
    id  boolean PRIMARY KEY DEFAULT true CHECK (id),
    key bytea NOT NULL
);
INSERT INTO rcm_auth.decoy_key (key)
VALUES (sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')));

-- Appends one identity event to the company log (stream `identity`), from inside a definer function.
CREATE FUNCTION rcm_auth.record(p_event_id uuid, p_type text, p_payload jsonb, p_source text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_company uuid;
    v_zone    text;
BEGIN
    SELECT t.tenant_id, t.time_zone INTO v_company, v_zone FROM rcm.tenants t WHERE t.kind = 'company';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the company is not configured (rcm company configure)' USING ERRCODE = 'RC002';
    END IF;
    PERFORM rcm.append_events(
        v_company, ARRAY['identity'], ARRAY[-1]::bigint[], ARRAY['identity'], ARRAY[p_event_id], ARRAY[p_type],
        ARRAY[1], ARRAY[p_payload],
        ARRAY[jsonb_build_object('actor', rcm.acting_role(), 'source', p_source, 'correlation_id', p_event_id)],
        ARRAY[(now() AT TIME ZONE v_zone)::date], NULL);
END
$$;
REVOKE ALL ON FUNCTION rcm_auth.record(uuid, text, jsonb, text) FROM PUBLIC;

-- The scrypt parameters and salt to compute a sign-in proof with. An unknown login gets a decoy derived
-- from the login and the database's secret, the same on every call, so the answer does not tell whether
-- the login exists.
CREATE FUNCTION rcm.sign_in_parameters(p_login text)
RETURNS TABLE (salt bytea, cost integer, block_size integer, parallelism integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    RETURN QUERY SELECT c.salt, c.cost, c.block_size, c.parallelism FROM rcm_auth.credentials c WHERE c.login = p_login;
    IF NOT FOUND THEN
        RETURN QUERY SELECT substring(sha256(d.key || convert_to(coalesce(p_login, ''), 'UTF8')) FROM 1 FOR 16),
                            16384, 8, 1
                     FROM rcm_auth.decoy_key d;
    END IF;
END
$$;

-- Signs a person in: checks the proof (scrypt output) against the verifier, opens a session, and records
-- the sign-in or the failure in the company's log. Returns the role to act as, or a refusal:
-- 'refused' (unknown login, wrong password or a person not enabled for the server; one answer for all),
-- 'locked' (too many failures: each failure past the fourth locks the login for 2^(n-4) seconds, at most
-- 15 minutes), with retry_after in seconds. A refusal commits (the failure is recorded); it never raises.
CREATE FUNCTION rcm.sign_in(
    p_login text, p_proof bytea, p_token_hash bytea, p_session_id uuid, p_event_id uuid,
    p_lifetime interval, p_idle_timeout interval
) RETURNS TABLE (outcome text, role text, retry_after integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_credential rcm_auth.credentials%ROWTYPE;
    v_now        timestamptz := clock_timestamp();
    v_failures   integer;
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
        v_failures := v_credential.failed_attempts + 1;
        UPDATE rcm_auth.credentials c
        SET failed_attempts = v_failures,
            locked_until = CASE WHEN v_failures > 4
                                THEN v_now + make_interval(secs => least(900, power(2, least(v_failures - 4, 10))))
                           END
        WHERE c.login = p_login;
        PERFORM rcm_auth.record(p_event_id, 'identity.sign_in_failed',
                                jsonb_build_object('login', p_login, 'reason', 'wrong_password'), 'server');
        RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::integer;
        RETURN;
    END IF;
    UPDATE rcm_auth.credentials c SET failed_attempts = 0, locked_until = NULL WHERE c.login = p_login;
    INSERT INTO rcm_auth.sessions (token_hash, session_id, login, created_at, last_seen_at, expires_at, idle_timeout)
    VALUES (p_token_hash, p_session_id, p_login, v_now, v_now, v_now + p_lifetime, p_idle_timeout);
    PERFORM rcm_auth.record(p_event_id, 'identity.signed_in',
                            jsonb_build_object('login', p_login, 'sessionID', p_session_id, 'method', 'password'),
                            'server');
    RETURN QUERY SELECT 'signed_in'::text, p_login, NULL::integer;
END
$$;

-- The role a session acts as, when the session is live (not revoked, expired or idle too long, and the
-- person still enabled for the server); touches it.
CREATE FUNCTION rcm.session_role(p_token_hash bytea) RETURNS TABLE (role text, session_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    RETURN QUERY
        UPDATE rcm_auth.sessions s SET last_seen_at = clock_timestamp()
        WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > clock_timestamp()
          AND s.last_seen_at + s.idle_timeout > clock_timestamp()
          AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = s.login)
          AND pg_has_role('rcm_server', s.login, 'MEMBER')
        RETURNING s.login, s.session_id;
END
$$;

-- Ends a session (sign-out); true when a live session ended.
CREATE FUNCTION rcm.sign_out(p_token_hash bytea) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    UPDATE rcm_auth.sessions s SET revoked_at = clock_timestamp()
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL;
    RETURN FOUND;
END
$$;

-- The role and actions of a live API key whose secret matches.
CREATE FUNCTION rcm.api_key_role(p_key_id text, p_secret_hash bytea) RETURNS TABLE (role text, actions text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT k.role, k.actions FROM rcm_auth.api_keys k
    WHERE k.key_id = p_key_id AND k.secret_hash = p_secret_hash AND k.revoked_at IS NULL
      AND pg_has_role('rcm_server', k.role, 'MEMBER')
$$;

-- Administration: owners set passwords and manage keys (the roles themselves are made by
-- rcm.enable_for_server and rcm.create_key_role, which need CREATEROLE and run as the caller).
CREATE FUNCTION rcm.set_password(
    p_login text, p_cost integer, p_block_size integer, p_parallelism integer, p_salt bytea, p_verifier bytea,
    p_event_id uuid
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
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
        set_at = clock_timestamp(), failed_attempts = 0, locked_until = NULL;
    -- A new password ends the person's sessions.
    UPDATE rcm_auth.sessions s SET revoked_at = clock_timestamp() WHERE s.login = p_login AND s.revoked_at IS NULL;
    PERFORM rcm_auth.record(p_event_id, 'identity.password_set', jsonb_build_object('login', p_login), 'cli');
END
$$;

CREATE FUNCTION rcm.create_api_key(
    p_key_id text, p_role text, p_secret_hash bytea, p_label text, p_actions text[], p_tenants uuid[], p_event_id uuid
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may create an API key' USING ERRCODE = '42501';
    END IF;
    INSERT INTO rcm_auth.api_keys (key_id, role, secret_hash, label, actions, created_by)
    VALUES (p_key_id, p_role, p_secret_hash, p_label, p_actions, rcm.acting_role());
    PERFORM rcm_auth.record(p_event_id, 'identity.api_key_created',
                            jsonb_build_object('keyID', p_key_id, 'role', p_role, 'label', p_label,
                                               'actions', to_jsonb(p_actions), 'tenantIDs', to_jsonb(p_tenants)),
                            'cli');
END
$$;

CREATE FUNCTION rcm.revoke_api_key(p_key_id text, p_event_id uuid) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_role text;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may revoke an API key' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm_auth.api_keys k SET revoked_at = clock_timestamp()
    WHERE k.key_id = p_key_id AND k.revoked_at IS NULL RETURNING k.role INTO v_role;
    IF FOUND THEN
        PERFORM rcm_auth.record(p_event_id, 'identity.api_key_revoked', jsonb_build_object('keyID', p_key_id), 'cli');
    END IF;
    RETURN v_role;
END
$$;

CREATE FUNCTION rcm.list_api_keys()
RETURNS TABLE (key_id text, role text, label text, actions text[], created_by text, created_at timestamptz,
               revoked_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may list API keys' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT k.key_id, k.role, k.label, k.actions, k.created_by, k.created_at, k.revoked_at
                 FROM rcm_auth.api_keys k ORDER BY k.created_at, k.key_id;
END
$$;

-- Roles for the server. Run as the caller, who needs CREATEROLE (the owner's administration login);
-- names arrive as bound parameters and are quoted by the server (%I). Owners and auditors are not
-- enabled: until the second factor (#24) the server acts only for staff and API keys.
CREATE FUNCTION rcm.enable_for_server(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'no login %', p_login USING ERRCODE = 'RC002';
    END IF;
    IF NOT pg_has_role(p_login, 'rcm_staff', 'MEMBER') OR pg_has_role(p_login, 'rcm_owner', 'MEMBER')
        OR pg_has_role(p_login, 'rcm_auditor', 'MEMBER') THEN
        RAISE EXCEPTION 'only staff logins may use the server (owners and auditors use the command line)'
            USING ERRCODE = 'RC002';
    END IF;
    EXECUTE format('GRANT %I TO rcm_server', p_login);
END
$$;

CREATE FUNCTION rcm.create_key_role(p_role text) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
BEGIN
    IF p_role !~ '^rcm_key_[a-z0-9]{12}$' THEN
        RAISE EXCEPTION 'an API key role is rcm_key_ and twelve lower-case letters or digits' USING ERRCODE = 'RC002';
    END IF;
    EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE rcm_staff', p_role);
    EXECUTE format('GRANT %I TO rcm_server', p_role);
END
$$;

CREATE FUNCTION rcm.drop_key_role(p_role text) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
BEGIN
    IF p_role !~ '^rcm_key_[a-z0-9]{12}$' THEN
        RAISE EXCEPTION 'an API key role is rcm_key_ and twelve lower-case letters or digits' USING ERRCODE = 'RC002';
    END IF;
    EXECUTE format('REVOKE %I FROM rcm_server', p_role);
END
$$;

-- The newest migration applied, for the server's readiness check (its login reads no table).
CREATE FUNCTION rcm.schema_version() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT coalesce(max(version), 0) FROM rcm_schema.migrations
$$;

REVOKE ALL ON FUNCTION rcm.schema_version(), rcm.sign_in_parameters(text), rcm.sign_in(text, bytea, bytea, uuid, uuid, interval, interval),
    rcm.session_role(bytea), rcm.sign_out(bytea), rcm.api_key_role(text, bytea),
    rcm.set_password(text, integer, integer, integer, bytea, bytea, uuid),
    rcm.create_api_key(text, text, bytea, text, text[], uuid[], uuid), rcm.revoke_api_key(text, uuid),
    rcm.list_api_keys(), rcm.enable_for_server(text), rcm.create_key_role(text), rcm.drop_key_role(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.schema_version(), rcm.sign_in_parameters(text), rcm.sign_in(text, bytea, bytea, uuid, uuid, interval, interval),
    rcm.session_role(bytea), rcm.sign_out(bytea), rcm.api_key_role(text, bytea) TO rcm_server;
