-- The acting role (decision 0006): who acts is `rcm.acting_role()`, the role a transaction set with
-- set_config('role', …, true) (the server acting for a person or API key; PostgreSQL checks membership as
-- for SET ROLE), else the session's login. A definer switch changes current_user, not the role setting,
-- so the answer is the same inside the product's SECURITY DEFINER functions. Every function and policy
-- that decided who acts by session_user is recreated here on the acting role; events record it as db_user.

-- Plain STABLE SQL, no SET clause, every name qualified: the planner inlines it into policies and functions.
CREATE FUNCTION rcm.acting_role() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN pg_catalog.current_setting('role') IN ('none', '') THEN session_user::text
                ELSE pg_catalog.current_setting('role') END
$$;

-- Does the acting role belong to a group? The server's own login never does: it is a member of the
-- person roles it may act for (and so, transitively, of their groups), but holds nothing until it acts.
CREATE FUNCTION rcm.acts_in(p_group text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT rcm.acting_role() OPERATOR(pg_catalog.<>) 'rcm_server'
       AND pg_catalog.pg_has_role(rcm.acting_role(), p_group, 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION rcm.may_access(p_tenant uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT rcm.acts_in('rcm_owner')
        OR rcm.acts_in('rcm_auditor')
        OR (rcm.acting_role() <> 'rcm_server'
            AND EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = p_tenant AND t.kind = 'company'))
        OR EXISTS (SELECT 1 FROM rcm.staff_assignments a WHERE a.tenant_id = p_tenant AND a.login = rcm.acting_role())
$$;

CREATE OR REPLACE FUNCTION rcm.accessible_tenants() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT coalesce(array_agg(t.tenant_id), '{}')
    FROM rcm.tenants t
    WHERE rcm.acting_role() <> 'rcm_server'
      AND (rcm.acts_in('rcm_owner')
           OR rcm.acts_in('rcm_auditor')
           OR t.kind = 'company'
           OR EXISTS (SELECT 1 FROM rcm.staff_assignments a WHERE a.tenant_id = t.tenant_id AND a.login = rcm.acting_role()))
$$;

-- The append function: unchanged but for db_user, which is now the acting role.
CREATE OR REPLACE FUNCTION rcm.append_events(
    p_tenant uuid,
    p_streams text[],
    p_expected bigint[],
    p_stream_ids text[],
    p_event_ids uuid[],
    p_event_types text[],
    p_schema_versions integer[],
    p_payloads jsonb[],
    p_metadata jsonb[],
    p_effective_dates date[],
    p_idempotency_key text
) RETURNS TABLE (
    event_id uuid, "position" bigint, stream_id text, stream_version bigint, recorded_at timestamptz,
    hash bytea, replayed boolean
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_count      integer := coalesce(array_length(p_event_ids, 1), 0);
    v_position   bigint;
    v_hash       bytea;
    v_last_time  timestamptz;
    v_now        timestamptz;
    v_user       text := rcm.acting_role();
    v_key        rcm.idempotency_keys%ROWTYPE;
    v_versions   bigint[];
    v_current    bigint;
    v_index      integer;
    v_stream     integer;
    v_version    bigint;
    v_bytes      bytea;
    v_next       bytea;
    v_metadata   jsonb;
    v_out_positions bigint[] := '{}';
    v_out_versions  bigint[] := '{}';
    v_out_metadata  jsonb[] := '{}';
    v_out_prev      bytea[] := '{}';
    v_out_hashes    bytea[] := '{}';
BEGIN
    IF v_count = 0 THEN
        RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'RC002';
    END IF;
    IF array_length(p_stream_ids, 1) <> v_count OR array_length(p_event_types, 1) <> v_count
        OR array_length(p_schema_versions, 1) <> v_count OR array_length(p_payloads, 1) <> v_count
        OR array_length(p_metadata, 1) <> v_count OR array_length(p_effective_dates, 1) <> v_count
        OR coalesce(array_length(p_streams, 1), 0) <> coalesce(array_length(p_expected, 1), 0) THEN
        RAISE EXCEPTION 'the event arrays of an append differ in length' USING ERRCODE = 'RC002';
    END IF;
    IF NOT rcm.may_access(p_tenant) THEN
        RAISE EXCEPTION 'login % may not write to tenant %', v_user, p_tenant USING ERRCODE = '42501';
    END IF;

    -- The tenant's lock: held until commit, so positions follow commit order.
    SELECT h.position, h.head_hash, h.last_recorded_at INTO v_position, v_hash, v_last_time
    FROM rcm.log_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'tenant % has no log', p_tenant USING ERRCODE = 'RC003';
    END IF;

    IF p_idempotency_key IS NOT NULL THEN
        SELECT * INTO v_key FROM rcm.idempotency_keys k WHERE k.tenant_id = p_tenant AND k.key = p_idempotency_key;
        IF FOUND THEN
            RETURN QUERY
                SELECT e.event_id, e.position, e.stream_id, e.stream_version, e.recorded_at, e.hash, true
                FROM rcm.events e
                WHERE e.tenant_id = p_tenant AND e.position BETWEEN v_key.first_position AND v_key.last_position
                ORDER BY e.position;
            RETURN;
        END IF;
    END IF;

    -- Expected versions, checked under the lock.
    v_versions := array_fill(0::bigint, ARRAY[coalesce(array_length(p_streams, 1), 0)]);
    FOR v_stream IN 1 .. coalesce(array_length(p_streams, 1), 0) LOOP
        SELECT coalesce(max(e.stream_version), 0) INTO v_current
        FROM rcm.events e WHERE e.tenant_id = p_tenant AND e.stream_id = p_streams[v_stream];
        IF (p_expected[v_stream] = -2 AND v_current = 0)
            OR (p_expected[v_stream] >= 0 AND p_expected[v_stream] <> v_current) THEN
            RAISE EXCEPTION 'wrong expected version for stream %: expected %, actual %',
                p_streams[v_stream],
                CASE p_expected[v_stream] WHEN 0 THEN 'no stream' WHEN -2 THEN 'stream exists'
                    ELSE p_expected[v_stream]::text END,
                CASE v_current WHEN 0 THEN 'no stream' ELSE v_current::text END
                USING ERRCODE = 'RC001',
                      DETAIL = json_build_object('stream', p_streams[v_stream], 'expected', p_expected[v_stream],
                                                 'actual', v_current)::text;
        END IF;
        v_versions[v_stream] := v_current;
    END LOOP;

    -- recorded_at: read under the lock, never before the previous event's.
    v_now := greatest(clock_timestamp(), v_last_time);

    -- The chain is sequential: hash each event in order, then write them all with one INSERT.
    FOR v_index IN 1 .. v_count LOOP
        v_stream := array_position(p_streams, p_stream_ids[v_index]);
        IF v_stream IS NULL THEN
            RAISE EXCEPTION 'event % names stream %, which the append does not list', v_index, p_stream_ids[v_index]
                USING ERRCODE = 'RC002';
        END IF;
        v_versions[v_stream] := v_versions[v_stream] + 1;
        v_version := v_versions[v_stream];
        v_position := v_position + 1;
        v_metadata := CASE WHEN p_idempotency_key IS NULL THEN p_metadata[v_index]
                           ELSE p_metadata[v_index] || jsonb_build_object('idempotency_key', p_idempotency_key) END;
        -- jsonb values are already normalised, so ::text here is exactly what the stored column prints.
        v_bytes := rcm.event_canonical_bytes(p_tenant, v_position, p_stream_ids[v_index], v_version,
                                             p_event_ids[v_index], p_event_types[v_index],
                                             p_schema_versions[v_index], p_payloads[v_index], v_metadata,
                                             p_effective_dates[v_index], v_now, v_user);
        v_next := sha256(v_hash || v_bytes);
        v_out_positions[v_index] := v_position;
        v_out_versions[v_index] := v_version;
        v_out_metadata[v_index] := v_metadata;
        v_out_prev[v_index] := v_hash;
        v_out_hashes[v_index] := v_next;
        v_hash := v_next;
    END LOOP;

    INSERT INTO rcm.events (tenant_id, position, stream_id, stream_version, event_id, event_type, schema_version,
                            payload, metadata, effective_date, recorded_at, db_user, prev_hash, hash)
    SELECT p_tenant, e.position, e.stream_id, e.stream_version, e.event_id, e.event_type, e.schema_version,
           e.payload, e.metadata, e.effective_date, v_now, v_user, e.prev_hash, e.hash
    FROM unnest(v_out_positions, p_stream_ids, v_out_versions, p_event_ids, p_event_types, p_schema_versions,
                p_payloads, v_out_metadata, p_effective_dates, v_out_prev, v_out_hashes)
         AS e(position, stream_id, stream_version, event_id, event_type, schema_version, payload, metadata,
              effective_date, prev_hash, hash);

    RETURN QUERY
        SELECT e.event_id, e.position, e.stream_id, e.stream_version, v_now, e.hash, false
        FROM unnest(p_event_ids, v_out_positions, p_stream_ids, v_out_versions, v_out_hashes)
             AS e(event_id, position, stream_id, stream_version, hash);

    UPDATE rcm.log_heads h SET position = v_position, head_hash = v_hash, last_recorded_at = v_now
    WHERE h.tenant_id = p_tenant;

    IF p_idempotency_key IS NOT NULL THEN
        INSERT INTO rcm.idempotency_keys (tenant_id, key, first_position, last_position)
        VALUES (p_tenant, p_idempotency_key, v_position - v_count + 1, v_position);
    END IF;
END
$$;

-- Administration: owners acting, by login or through a set role.
CREATE OR REPLACE FUNCTION rcm.create_tenant(p_tenant uuid, p_slug text, p_kind text, p_time_zone text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may onboard a tenant' USING ERRCODE = '42501';
    END IF;
    PERFORM now() AT TIME ZONE p_time_zone;  -- an unknown time zone fails here
    INSERT INTO rcm.tenants (tenant_id, slug, kind, time_zone) VALUES (p_tenant, p_slug, p_kind, p_time_zone);
    INSERT INTO rcm.log_heads (tenant_id) VALUES (p_tenant);
END
$$;

CREATE OR REPLACE FUNCTION rcm.assign_staff(p_tenant uuid, p_login text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may assign staff' USING ERRCODE = '42501';
    END IF;
    INSERT INTO rcm.staff_assignments (tenant_id, login) VALUES (p_tenant, p_login)
    ON CONFLICT (tenant_id, login) DO NOTHING;
    RETURN FOUND;
END
$$;

CREATE OR REPLACE FUNCTION rcm.set_tenant_status(p_tenant uuid, p_status text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may change a tenant''s status' USING ERRCODE = '42501';
    END IF;
    UPDATE rcm.tenants SET status = p_status WHERE tenant_id = p_tenant;
END
$$;

CREATE OR REPLACE FUNCTION rcm.rebuild_derived_state() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_tenants integer;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
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
    SELECT a.tenant_id, a.login
    FROM rcm.events e JOIN rcm.tenants c ON c.tenant_id = e.tenant_id AND c.kind = 'company'
    CROSS JOIN LATERAL (SELECT coalesce(e.payload ->> 'tenantID', e.payload ->> 'tenant_id')::uuid AS tenant_id,
                               e.payload ->> 'login' AS login) a
    WHERE e.event_type = 'company.staff_assigned'
      AND EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = a.tenant_id)
    ON CONFLICT (tenant_id, login) DO NOTHING;
    RETURN v_tenants;
END
$$;

CREATE OR REPLACE FUNCTION rcm_analytics_store.begin_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_table text;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may rebuild projections (a rebuild must see every tenant)'
            USING ERRCODE = '42501';
    END IF;
    FOREACH v_table IN ARRAY rcm_analytics_store.projection_tables() LOOP
        EXECUTE format('DROP TABLE IF EXISTS rcm_analytics_store.%I', v_table || '_rebuild');
        EXECUTE format('CREATE TABLE rcm_analytics_store.%I (LIKE rcm_analytics_store.%I INCLUDING ALL)',
                       v_table || '_rebuild', v_table);
        PERFORM rcm_analytics_store.secure(v_table || '_rebuild');
    END LOOP;
    DELETE FROM rcm.checkpoints WHERE consumer = 'claims.rebuild';
END
$$;

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
    UPDATE rcm.checkpoints SET consumer = 'claims', updated_at = clock_timestamp() WHERE consumer = 'claims.rebuild';
END
$$;

-- Policies that named session_user.
DROP POLICY staff_assignments_visible ON rcm.staff_assignments;
CREATE POLICY staff_assignments_visible ON rcm.staff_assignments FOR SELECT
    USING (login = rcm.acting_role() OR rcm.acts_in('rcm_owner') OR rcm.acts_in('rcm_auditor'));
DROP POLICY patient_identities_by_tenant ON rcm_phi.patient_identities;
CREATE POLICY patient_identities_by_tenant ON rcm_phi.patient_identities FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT rcm.acts_in('rcm_auditor'))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT rcm.acts_in('rcm_auditor'));
DROP POLICY x12_files_by_tenant ON rcm_phi.x12_files;
CREATE POLICY x12_files_by_tenant ON rcm_phi.x12_files FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT rcm.acts_in('rcm_auditor'))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT rcm.acts_in('rcm_auditor'));

-- acting_role and acts_in stay executable by every role (policies call them as the invoker; they reveal
-- only the caller's own role). The server's login needs the schema to reach its sign-in functions.
GRANT USAGE ON SCHEMA rcm TO rcm_server;
