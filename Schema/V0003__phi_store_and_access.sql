-- The PHI store: identifying data kept apart from the immutable log, so it can be destroyed
-- (rcm patient forget, rcm tenant offboard) while the hash chain still verifies. Events hold only the
-- pseudonymous patient key and a salted hash of the record; the salt lives here and dies with the record.
-- Raw X12 files (names, member ids) live here too. See docs/decisions/0003-phi-store.md.
CREATE SCHEMA IF NOT EXISTS rcm_phi;

CREATE TABLE rcm_phi.patient_identities (
    tenant_id      uuid NOT NULL REFERENCES rcm.tenants (tenant_id),
    patient_key    text NOT NULL,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    date_of_birth  date NOT NULL,
    address        text NOT NULL DEFAULT '',
    phone          text NOT NULL DEFAULT '',
    member_id      text NOT NULL DEFAULT '',
    subscriber_id  text,
    salt           bytea NOT NULL CHECK (length(salt) = 32),
    digest         text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, patient_key)
);
COMMENT ON TABLE rcm_phi.patient_identities IS 'PHI: direct identifiers of patients, destroyable. Never replicated to analysts.';

CREATE TABLE rcm_phi.x12_files (
    tenant_id   uuid NOT NULL REFERENCES rcm.tenants (tenant_id),
    sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    direction   text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    kind        text NOT NULL,
    file_name   text NOT NULL,
    bytes       bytea NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, sha256)
);
COMMENT ON TABLE rcm_phi.x12_files IS 'PHI: raw X12 files, byte for byte, by SHA-256; destroyable with the practice.';

-- Interchange control numbers: one counter row per sender id, unique across all practices. Taken in a
-- short transaction of its own; a gap is harmless. A reference table (company-wide, no tenant data).
CREATE TABLE rcm.interchange_counters (
    sender_id   text PRIMARY KEY,
    last_number bigint NOT NULL DEFAULT 0 CHECK (last_number BETWEEN 0 AND 999999999)
);

CREATE FUNCTION rcm.next_interchange_number(p_sender text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_number bigint;
BEGIN
    INSERT INTO rcm.interchange_counters (sender_id) VALUES (p_sender) ON CONFLICT (sender_id) DO NOTHING;
    UPDATE rcm.interchange_counters SET last_number = CASE WHEN last_number >= 999999999 THEN 1 ELSE last_number + 1 END
    WHERE sender_id = p_sender RETURNING last_number INTO v_number;
    RETURN v_number;
END
$$;

-- PHI access events from logins that may not append otherwise (auditors): only access.* types.
CREATE FUNCTION rcm.record_access(
    p_tenant uuid, p_event_id uuid, p_event_type text, p_payload jsonb, p_metadata jsonb, p_effective_date date
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_position bigint;
BEGIN
    IF p_event_type NOT LIKE 'access.%' THEN
        RAISE EXCEPTION 'record_access records access events only' USING ERRCODE = 'RC002';
    END IF;
    SELECT a.position INTO v_position FROM rcm.append_events(
        p_tenant, ARRAY['access'], ARRAY[-1]::bigint[], ARRAY['access'], ARRAY[p_event_id], ARRAY[p_event_type],
        ARRAY[1], ARRAY[p_payload], ARRAY[p_metadata], ARRAY[p_effective_date], NULL) a;
    RETURN v_position;
END
$$;

-- Logins: a person's own database role, member of one group. Runs as the caller (who needs CREATEROLE);
-- the name and password arrive as bound parameters and are quoted by the server (%I, %L).
CREATE FUNCTION rcm.create_login(p_login text, p_password text, p_group text) RETURNS boolean
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog AS $$
BEGIN
    IF p_group NOT IN ('rcm_staff', 'rcm_auditor', 'rcm_analyst', 'rcm_owner') THEN
        RAISE EXCEPTION 'unknown group %', p_group USING ERRCODE = 'RC002';
    END IF;
    IF p_login !~ '^[a-z][a-z0-9_]{2,62}$' THEN
        RAISE EXCEPTION 'a login is 3 to 63 lower-case letters, digits or underscores, starting with a letter'
            USING ERRCODE = 'RC002';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
        RETURN false;
    END IF;
    IF p_password IS NULL THEN
        EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', p_login, p_group);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_password, p_group);
    END IF;
    -- The server logs every statement of an analyst login (the bootstrap grants SET on log_statement to
    -- rcm_owner, so administrators can set it without being superusers).
    IF p_group = 'rcm_analyst' THEN
        EXECUTE format('ALTER ROLE %I SET log_statement = %L', p_login, 'all');
    END IF;
    RETURN true;
END
$$;

ALTER TABLE rcm_phi.patient_identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm_phi.x12_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_identities_by_tenant ON rcm_phi.patient_identities FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT pg_has_role(session_user, 'rcm_auditor', 'MEMBER'))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT pg_has_role(session_user, 'rcm_auditor', 'MEMBER'));
CREATE POLICY x12_files_by_tenant ON rcm_phi.x12_files FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT pg_has_role(session_user, 'rcm_auditor', 'MEMBER'))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT pg_has_role(session_user, 'rcm_auditor', 'MEMBER'));

REVOKE ALL ON ALL TABLES IN SCHEMA rcm_phi FROM PUBLIC;
GRANT USAGE ON SCHEMA rcm_phi TO rcm_staff;
GRANT SELECT, INSERT, DELETE ON rcm_phi.patient_identities TO rcm_staff;
GRANT SELECT, INSERT ON rcm_phi.x12_files TO rcm_staff;
REVOKE ALL ON FUNCTION rcm.next_interchange_number(text), rcm.record_access(uuid, uuid, text, jsonb, jsonb, date),
    rcm.create_login(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.next_interchange_number(text) TO rcm_staff;
GRANT EXECUTE ON FUNCTION rcm.record_access(uuid, uuid, text, jsonb, jsonb, date) TO rcm_staff, rcm_auditor;

-- Offboarding: the tenant's status, set by owners only (the destruction itself is recorded as events).
CREATE FUNCTION rcm.set_tenant_status(p_tenant uuid, p_status text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
        RAISE EXCEPTION 'only an owner login may change a tenant''s status' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm.tenants SET status = p_status WHERE tenant_id = p_tenant;
END
$$;
REVOKE ALL ON FUNCTION rcm.set_tenant_status(uuid, text) FROM PUBLIC;

-- After restoring a backup (the log, the tenants and the PHI store), rebuild what derives from the log:
-- head rows, idempotency keys and staff assignments. Owners only. Returns the number of tenants.
CREATE FUNCTION rcm.rebuild_derived_state() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_tenants integer;
BEGIN
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
        RAISE EXCEPTION 'only an owner login may rebuild derived state' USING ERRCODE = '42501';
    END IF;
    INSERT INTO rcm.log_heads AS h (tenant_id, position, head_hash, last_recorded_at)
    SELECT t.tenant_id, coalesce(e.position, 0),
           coalesce(e.hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
           coalesce(e.recorded_at, '-infinity')
    FROM rcm.tenants t
    LEFT JOIN LATERAL (SELECT position, hash, recorded_at FROM rcm.events x WHERE x.tenant_id = t.tenant_id
                       ORDER BY position DESC LIMIT 1) e ON true
    ON CONFLICT (tenant_id) DO UPDATE SET position = excluded.position, head_hash = excluded.head_hash,
                                          last_recorded_at = excluded.last_recorded_at;
    GET DIAGNOSTICS v_tenants = ROW_COUNT;
    INSERT INTO rcm.idempotency_keys (tenant_id, key, first_position, last_position)
    SELECT tenant_id, metadata ->> 'idempotency_key', min(position), max(position)
    FROM rcm.events WHERE metadata ? 'idempotency_key'
    GROUP BY tenant_id, metadata ->> 'idempotency_key'
    ON CONFLICT (tenant_id, key) DO NOTHING;
    INSERT INTO rcm.staff_assignments (tenant_id, login)
    SELECT (e.payload ->> 'tenant_id')::uuid, e.payload ->> 'login'
    FROM rcm.events e JOIN rcm.tenants c ON c.tenant_id = e.tenant_id AND c.kind = 'company'
    WHERE e.event_type = 'company.staff_assigned'
      AND EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = (e.payload ->> 'tenant_id')::uuid)
    ON CONFLICT (tenant_id, login) DO NOTHING;
    RETURN v_tenants;
END
$$;
REVOKE ALL ON FUNCTION rcm.rebuild_derived_state() FROM PUBLIC;
