-- Assigned V0016 (brief G); numbered V0011 on this branch because versions must be contiguous (MigrationTests).
-- The write path closed (issue 15, docs/decisions/0006-identity-write-path-and-server.md, "What was built").
-- Tried as an attacker with a staff login and psql, turn 2's schema let staff forge company events, read every
-- practice's business details in the company log, read and delete PHI by SQL without a trace, write any access
-- event as an auditor, and lock shared projection tables. Each is closed here by privileges first; the
-- immutability triggers stay, but nothing below depends on them. Policies take the tenant list without a
-- subquery (Citus refuses subqueries in policies); no UPDATE of a tenant table calls a volatile function.

-- 1. Company events only from owners' administration. The server's own login keeps appending its sign-in
--    events through rcm_auth.record (it holds EXECUTE on no append function, so only through definer functions).
CREATE OR REPLACE FUNCTION rcm.may_access(p_tenant uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT CASE
        WHEN EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = p_tenant AND t.kind = 'company')
            THEN rcm.acts_in('rcm_owner') OR rcm.acting_role() = 'rcm_server'
        ELSE rcm.acts_in('rcm_owner') OR rcm.acts_in('rcm_auditor')
             OR EXISTS (SELECT 1 FROM rcm.staff_assignments a WHERE a.tenant_id = p_tenant AND a.login = rcm.acting_role())
    END
$$;

-- 2. The company log as staff read it: the payer catalog and the submitter identity, the onboarding of their own
--    practices (an 837P carries the practice's billing NPI and address) and their own login's records; never
--    another practice's onboarding, other people's assignments or sign-ins. Owners and auditors read it whole.
--    The company tenant(s) the acting role reads only in part:
CREATE FUNCTION rcm.partly_visible_logs() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT coalesce(array_agg(t.tenant_id), '{}') FROM rcm.tenants t
    WHERE t.kind = 'company' AND NOT rcm.acts_in('rcm_owner') AND NOT rcm.acts_in('rcm_auditor')
$$;
REVOKE ALL ON FUNCTION rcm.partly_visible_logs() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.partly_visible_logs() TO rcm_staff, rcm_auditor, rcm_analyst;

-- Policies without a subquery: `tenant_id = ANY (rcm.accessible_tenants())` (STABLE; evaluated once per index
-- scan where tenant_id leads the index, the cost measured in docs/benchmarks.md).
ALTER POLICY tenants_visible ON rcm.tenants USING (tenant_id = ANY (rcm.accessible_tenants()));
ALTER POLICY log_heads_visible ON rcm.log_heads USING (tenant_id = ANY (rcm.accessible_tenants()));
ALTER POLICY idempotency_keys_visible ON rcm.idempotency_keys USING (tenant_id = ANY (rcm.accessible_tenants()));
ALTER POLICY checkpoints_by_tenant ON rcm.checkpoints
    USING (tenant_id = ANY (rcm.accessible_tenants())) WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()));
ALTER POLICY events_visible ON rcm.events USING (
    tenant_id = ANY (rcm.accessible_tenants())
    AND (tenant_id <> ALL (rcm.partly_visible_logs())
         OR event_type = ANY ('{company.payer_added,company.payer_updated,company.submitter_configured}'::text[])
         OR (event_type = ANY ('{company.practice_onboarded,company.practice_offboarded}'::text[])
             AND coalesce(payload ->> 'tenantID', payload ->> 'tenant_id') = ANY (rcm.accessible_tenants()::text[]))
         OR (event_type = ANY ('{company.staff_added,company.staff_assigned}'::text[])
             AND payload ->> 'login' = rcm.acting_role())));

-- 4. The auditor (and staff) record only the access events the product defines (Billing's AccessEvent), at
--    their current schema version, with the acting role as actor, the practice's today as effective date and a
--    payload of the known fields, at most 1 kB.
CREATE OR REPLACE FUNCTION rcm.record_access(
    p_tenant uuid, p_event_id uuid, p_event_type text, p_schema_version integer, p_payload jsonb, p_metadata jsonb,
    p_effective_date date
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_position bigint;
    v_today    date;
BEGIN
    IF p_event_type IS DISTINCT FROM 'access.phi_viewed' OR p_schema_version IS DISTINCT FROM 2 THEN
        RAISE EXCEPTION 'record_access records access.phi_viewed (version 2) only, not % version %', p_event_type, p_schema_version
            USING ERRCODE = 'RC002';
    END IF;
    IF jsonb_typeof(p_payload) IS DISTINCT FROM 'object' OR octet_length(p_payload::text) > 1024
        OR EXISTS (SELECT 1 FROM jsonb_object_keys(p_payload) k WHERE k <> ALL ('{record,purpose,sensitive,patientKey}'::text[]))
        OR jsonb_typeof(p_payload -> 'record') IS DISTINCT FROM 'string'
        OR jsonb_typeof(p_payload -> 'purpose') IS DISTINCT FROM 'string'
        OR jsonb_typeof(p_payload -> 'sensitive') IS DISTINCT FROM 'boolean' THEN
        RAISE EXCEPTION 'an access event''s payload is record, purpose, sensitive and patientKey, at most 1 kB'
            USING ERRCODE = 'RC002';
    END IF;
    IF jsonb_typeof(p_metadata) IS DISTINCT FROM 'object' OR octet_length(p_metadata::text) > 1024 THEN
        RAISE EXCEPTION 'an access event''s metadata is an object of at most 1 kB' USING ERRCODE = 'RC002';
    END IF;
    SELECT (now() AT TIME ZONE t.time_zone)::date INTO v_today FROM rcm.tenants t WHERE t.tenant_id = p_tenant;
    IF p_effective_date IS DISTINCT FROM v_today THEN
        RAISE EXCEPTION 'an access event is dated today in the practice''s time zone (%), not %', v_today, p_effective_date
            USING ERRCODE = 'RC002';
    END IF;
    SELECT a.position INTO v_position FROM rcm.append_events(
        p_tenant, ARRAY['access'], ARRAY[-1]::bigint[], ARRAY['access'], ARRAY[p_event_id], ARRAY[p_event_type],
        ARRAY[p_schema_version], ARRAY[p_payload], ARRAY[p_metadata || jsonb_build_object('actor', rcm.acting_role())],
        ARRAY[p_effective_date], NULL) a;
    RETURN v_position;
END
$$;

-- 5. No login but the owner's can lock a shared table: LOCK TABLE beyond ROW EXCLUSIVE needs table-level
--    UPDATE, DELETE or TRUNCATE, which no group but the owner holds any more. Staff write projection rows with
--    INSERT and column-level UPDATE (every column but tenant_id); the one DELETE they need (open-balance rows no
--    claim is open in) goes through rcm_analytics_store.prune_ar_open.
CREATE OR REPLACE FUNCTION rcm_analytics_store.secure(p_table text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_columns text;
BEGIN
    EXECUTE format('ALTER TABLE rcm_analytics_store.%I ENABLE ROW LEVEL SECURITY', p_table);
    EXECUTE format('DROP POLICY IF EXISTS by_tenant ON rcm_analytics_store.%I', p_table);
    EXECUTE format('CREATE POLICY by_tenant ON rcm_analytics_store.%I FOR ALL '
                   'USING (tenant_id = ANY (rcm.accessible_tenants())) '
                   'WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()))', p_table);
    EXECUTE format('REVOKE ALL ON rcm_analytics_store.%I FROM PUBLIC, rcm_staff, rcm_analyst, rcm_auditor', p_table);
    EXECUTE format('GRANT SELECT ON rcm_analytics_store.%I TO rcm_analyst, rcm_auditor', p_table);
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO v_columns
    FROM pg_attribute a
    WHERE a.attrelid = format('rcm_analytics_store.%I', p_table)::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname <> 'tenant_id';
    EXECUTE format('GRANT SELECT, INSERT, UPDATE (%s) ON rcm_analytics_store.%I TO rcm_staff', v_columns, p_table);
END
$$;
REVOKE ALL ON FUNCTION rcm_analytics_store.secure(text) FROM PUBLIC;
SELECT rcm_analytics_store.secure(t) FROM unnest(rcm_analytics_store.projection_tables()) AS t;

CREATE FUNCTION rcm_analytics_store.prune_ar_open(
    p_tenants uuid[], p_sides text[], p_payers text[], p_providers text[], p_dates date[]
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_count bigint;
BEGIN
    DELETE FROM rcm_analytics_store.ar_open o
    USING unnest(p_tenants, p_sides, p_payers, p_providers, p_dates) AS k (tenant_id, side, payer_id, provider, service_date)
    WHERE o.tenant_id = k.tenant_id AND o.side = k.side AND o.payer_id = k.payer_id
      AND o.rendering_provider = k.provider AND o.service_date = k.service_date
      AND o.claims = 0 AND o.tenant_id = ANY (rcm.accessible_tenants());
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION rcm_analytics_store.prune_ar_open(uuid[], text[], text[], text[], date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm_analytics_store.prune_ar_open(uuid[], text[], text[], text[], date[]) TO rcm_staff;

-- Checkpoints: staff advance their practices' positions (column-level UPDATE), never lock or delete the table.
REVOKE UPDATE ON rcm.checkpoints FROM rcm_staff;
GRANT UPDATE (position, updated_at) ON rcm.checkpoints TO rcm_staff;

-- The rebuild's switch stamps the checkpoints with the statement's time (STABLE), not clock_timestamp().
CREATE OR REPLACE FUNCTION rcm_analytics_store.finish_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_table text;
    v_index record;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may rebuild projections' USING ERRCODE = '42501';
    END IF;
    -- Lock the live checkpoints first, in the order the runner takes them, then the tables.
    PERFORM 1 FROM rcm.checkpoints WHERE consumer = 'claims' ORDER BY tenant_id FOR UPDATE;
    FOREACH v_table IN ARRAY rcm_analytics_store.projection_tables() LOOP
        EXECUTE format('LOCK TABLE rcm_analytics_store.%I IN ACCESS EXCLUSIVE MODE', v_table);
        EXECUTE format('CREATE OR REPLACE VIEW rcm_analytics.%I WITH (security_invoker = true) AS '
                       'SELECT * FROM rcm_analytics_store.%I', v_table, v_table || '_rebuild');
        EXECUTE format('DROP TABLE rcm_analytics_store.%I', v_table);
        EXECUTE format('ALTER TABLE rcm_analytics_store.%I RENAME TO %I', v_table || '_rebuild', v_table);
        FOR v_index IN
            SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = format('rcm_analytics_store.%I', v_table)::regclass
              AND i.relname LIKE v_table || '_rebuild%'
        LOOP
            EXECUTE format('ALTER INDEX rcm_analytics_store.%I RENAME TO %I', v_index.relname,
                           v_table || substr(v_index.relname, length(v_table || '_rebuild') + 1));
        END LOOP;
    END LOOP;
    DELETE FROM rcm.checkpoints WHERE consumer = 'claims';
    UPDATE rcm.checkpoints SET consumer = 'claims', updated_at = statement_timestamp() WHERE consumer = 'claims.rebuild';
END
$$;

-- Issue 15 item 3: a live report checks that the projections reached each practice's head, so a login that only
-- reads (analyst) needs to see heads and checkpoints (positions and hashes, no business data) of its practices.
GRANT SELECT ON rcm.log_heads, rcm.checkpoints TO rcm_analyst;

-- 3. PHI: no group but the owner reads or deletes the PHI store's tables. Staff insert (sealed records, keyed
--    hashes) and reach everything else through the definer functions below, which check the acting role's
--    practice and record each read of an identity or a raw file as access.phi_viewed in the same transaction,
--    unless this transaction already recorded that record's read for the same role (the product records a
--    display first, with the person's purpose; the function then adds nothing). Auditors never read PHI.
REVOKE SELECT, DELETE, UPDATE ON rcm_phi.patient_identities, rcm_phi.x12_files, rcm_phi.data_keys FROM rcm_staff;
REVOKE UPDATE (bytes, sealed, mentions, redacted_at) ON rcm_phi.x12_files FROM rcm_staff;
GRANT INSERT ON rcm_phi.patient_identities, rcm_phi.x12_files, rcm_phi.data_keys TO rcm_staff;

-- The PHI policies without a subquery (the owner's administration and staff inserts go through them).
ALTER POLICY patient_identities_by_tenant ON rcm_phi.patient_identities
    USING (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor'))
    WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor'));
ALTER POLICY x12_files_by_tenant ON rcm_phi.x12_files
    USING (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor'))
    WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor'));
ALTER POLICY data_keys_by_tenant ON rcm_phi.data_keys
    USING (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor'))
    WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()) AND NOT rcm.acts_in('rcm_auditor'));

-- May the acting role reach this practice's PHI?
CREATE FUNCTION rcm_phi.check_reach(p_tenant uuid) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF rcm.acts_in('rcm_auditor') OR NOT rcm.may_access(p_tenant)
       OR NOT EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = p_tenant AND t.kind = 'practice') THEN
        RAISE EXCEPTION 'login % may not reach the PHI of tenant %', rcm.acting_role(), p_tenant USING ERRCODE = '42501';
    END IF;
END
$$;

-- Records the read of one record (patient:<key> or x12:<sha256>) unless this transaction recorded it already for
-- the acting role. This transaction's access events are the tail of the tenant's access stream (its first append
-- holds the tenant's head row until commit), so the look-back stops at the first event of another transaction.
CREATE FUNCTION rcm_phi.record_read(p_tenant uuid, p_record text, p_patient_key text, p_purpose text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_mine xid := xid(pg_current_xact_id());
    v_row  record;
    v_zone text;
BEGIN
    FOR v_row IN
        SELECT e.xmin AS x, e.db_user, e.payload ->> 'record' AS record FROM rcm.events e
        WHERE e.tenant_id = p_tenant AND e.stream_id = 'access' ORDER BY e.stream_version DESC
    LOOP
        EXIT WHEN NOT (v_row.x = v_mine);
        IF v_row.record = p_record AND v_row.db_user = rcm.acting_role() THEN
            RETURN;
        END IF;
    END LOOP;
    SELECT t.time_zone INTO v_zone FROM rcm.tenants t WHERE t.tenant_id = p_tenant;
    PERFORM rcm.append_events(
        p_tenant, ARRAY['access'], ARRAY[-1]::bigint[], ARRAY['access'], ARRAY[gen_random_uuid()],
        ARRAY['access.phi_viewed'], ARRAY[2],
        ARRAY[jsonb_strip_nulls(jsonb_build_object('record', p_record, 'purpose', p_purpose, 'sensitive', false,
                                                   'patientKey', p_patient_key))],
        ARRAY[jsonb_build_object('actor', rcm.acting_role(), 'source', 'phi-store', 'correlation_id', gen_random_uuid())],
        ARRAY[(now() AT TIME ZONE v_zone)::date], NULL);
END
$$;

-- A practice's wrapped data key (wrapped by the operator's key, which never enters the database).
CREATE FUNCTION rcm_phi.data_key(p_tenant uuid) RETURNS TABLE (wrapped_key bytea, kek_id text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    RETURN QUERY SELECT k.wrapped_key, k.kek_id FROM rcm_phi.data_keys k WHERE k.tenant_id = p_tenant;
END
$$;

-- One identity (sealed, or the clear columns of a row kept before V0010) with the practice's wrapped key; the
-- read is recorded.
CREATE FUNCTION rcm_phi.read_identity(p_tenant uuid, p_patient_key text, p_purpose text)
RETURNS TABLE (sealed bytea, first_name text, last_name text, dob text, address text, phone text, member_id text,
               subscriber_id text, wrapped_key bytea, kek_id text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    PERFORM rcm_phi.record_read(p_tenant, 'patient:' || p_patient_key, p_patient_key, p_purpose);
    RETURN QUERY
        SELECT i.sealed, i.first_name, i.last_name, to_char(i.date_of_birth, 'YYYY-MM-DD'), i.address, i.phone, i.member_id,
               i.subscriber_id, k.wrapped_key, k.kek_id
        FROM rcm_phi.patient_identities i LEFT JOIN rcm_phi.data_keys k ON k.tenant_id = i.tenant_id
        WHERE i.tenant_id = p_tenant AND i.patient_key = p_patient_key;
END
$$;

-- The keys of a practice's patients with a member id's keyed hash (and a name's): no PHI leaves, nothing recorded.
CREATE FUNCTION rcm_phi.patient_keys(p_tenant uuid, p_member_index text, p_same_name boolean, p_name_index text)
RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    RETURN QUERY
        SELECT i.patient_key FROM rcm_phi.patient_identities i
        WHERE i.tenant_id = p_tenant AND i.member_index = p_member_index AND (p_same_name IS NOT TRUE OR i.name_index = p_name_index)
        ORDER BY i.created_at, i.patient_key;
END
$$;

-- One raw file; the read is recorded.
CREATE FUNCTION rcm_phi.read_file(p_tenant uuid, p_sha256 text, p_purpose text) RETURNS TABLE (bytes bytea, sealed boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    PERFORM rcm_phi.record_read(p_tenant, 'x12:' || p_sha256, NULL, p_purpose);
    RETURN QUERY SELECT f.bytes, f.sealed FROM rcm_phi.x12_files f WHERE f.tenant_id = p_tenant AND f.sha256 = p_sha256;
END
$$;

-- The raw files that mention one of the keyed hashes (a forget's redaction); each read is recorded.
CREATE FUNCTION rcm_phi.files_mentioning(p_tenant uuid, p_mentions text[], p_purpose text)
RETURNS TABLE (sha256 text, bytes bytea, sealed boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_file record;
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    FOR v_file IN
        SELECT f.sha256, f.bytes, f.sealed FROM rcm_phi.x12_files f
        WHERE f.tenant_id = p_tenant AND f.mentions && p_mentions ORDER BY f.sha256
    LOOP
        PERFORM rcm_phi.record_read(p_tenant, 'x12:' || v_file.sha256, NULL, p_purpose);
        sha256 := v_file.sha256; bytes := v_file.bytes; sealed := v_file.sealed;
        RETURN NEXT;
    END LOOP;
END
$$;

-- Forget (rcm patient forget records patient.identity_forgotten in the same transaction).
CREATE FUNCTION rcm_phi.forget_identity(p_tenant uuid, p_patient_key text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    DELETE FROM rcm_phi.patient_identities i WHERE i.tenant_id = p_tenant AND i.patient_key = p_patient_key;
    RETURN FOUND;
END
$$;

-- A redacted copy, sealed, in place of a file (its SHA-256, the log's reference, stays).
CREATE FUNCTION rcm_phi.replace_redacted(p_tenant uuid, p_sha256 text, p_bytes bytea, p_mentions text[]) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    UPDATE rcm_phi.x12_files f SET bytes = p_bytes, sealed = true, mentions = p_mentions, redacted_at = statement_timestamp()
    WHERE f.tenant_id = p_tenant AND f.sha256 = p_sha256;
    RETURN FOUND;
END
$$;

REVOKE ALL ON FUNCTION rcm_phi.check_reach(uuid), rcm_phi.record_read(uuid, text, text, text), rcm_phi.data_key(uuid),
    rcm_phi.read_identity(uuid, text, text), rcm_phi.patient_keys(uuid, text, boolean, text), rcm_phi.read_file(uuid, text, text),
    rcm_phi.files_mentioning(uuid, text[], text), rcm_phi.forget_identity(uuid, text),
    rcm_phi.replace_redacted(uuid, text, bytea, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm_phi.data_key(uuid), rcm_phi.read_identity(uuid, text, text),
    rcm_phi.patient_keys(uuid, text, boolean, text), rcm_phi.read_file(uuid, text, text),
    rcm_phi.files_mentioning(uuid, text[], text), rcm_phi.forget_identity(uuid, text),
    rcm_phi.replace_redacted(uuid, text, bytea, text[]) TO rcm_staff;

-- pgaudit: the logins that keep SQL access (auditors, analysts) have their reads logged by the server, named by
-- relation (docs/security.md). Set per login when pgaudit is loaded (a server without it says nothing here).
CREATE OR REPLACE FUNCTION rcm.create_login(p_login text, p_password text, p_group text) RETURNS boolean
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
    IF p_group IN ('rcm_analyst', 'rcm_auditor') AND current_setting('pgaudit.log', true) IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I SET pgaudit.log = %L', p_login, 'read');
        EXECUTE format('ALTER ROLE %I SET pgaudit.log_relation = %L', p_login, 'on');
    END IF;
    RETURN true;
END
$$;
