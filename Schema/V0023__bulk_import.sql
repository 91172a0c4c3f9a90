-- V0023: bulk paths for importing a file of answers (a 271, a 277): issue 14's "271 batch of 10,000 patients".
--
-- An import made three round trips per answer: the patient's identity (rcm_phi.read_identity, which recorded the
-- read), "is this trace's idempotency key used?" and a one-event append under that key. These functions do the same
-- work for many records in one call, with the same checks and the same records:
--
-- * rcm.append_events_each: events that are each their own append under their own idempotency key (one answer per
--   trace), to any stream at any version, in one call under the tenant's lock. An event whose key is already used,
--   or repeats an earlier key of the same call, is not appended; its row answers with the key's first event and
--   replayed = true (as rcm.append_events answers a repeated key). Everything else is rcm.append_events': who may
--   call it, the lock, recorded_at, db_user, the chain, the key in the event's metadata and in rcm.idempotency_keys.
-- * rcm_phi.read_identities: many identities of one practice, each read recorded as rcm_phi.read_identity records it
--   (one access.phi_viewed per patient read, unless this transaction already recorded that patient's read for the
--   acting role; Part 2 patients' reads sensitive), the records appended in one call.
--
-- Every value is a parameter; no policy changes; the functions check the practice as the existing ones do.

-- Each event its own append under its own key. The keys are looked up once, the stream versions once per stream
-- (set-based), then the chain is computed in order and the rows written with one INSERT each for the log and the keys.
CREATE FUNCTION rcm.append_events_each(
    p_tenant uuid,
    p_stream_ids text[],
    p_event_ids uuid[],
    p_event_types text[],
    p_schema_versions integer[],
    p_payloads jsonb[],
    p_metadata jsonb[],
    p_effective_dates date[],
    p_idempotency_keys text[]
) RETURNS TABLE (
    ordinal integer, event_id uuid, "position" bigint, stream_id text, stream_version bigint, recorded_at timestamptz,
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
    v_row        record;
    v_index      integer := 0;
    v_start      bigint;
    v_next       bytea;
    v_out_streams   text[] := '{}';
    v_out_ids       uuid[] := '{}';
    v_out_types     text[] := '{}';
    v_out_schemas   integer[] := '{}';
    v_out_payloads  jsonb[] := '{}';
    v_out_metadata  jsonb[] := '{}';
    v_out_dates     date[] := '{}';
    v_out_keys      text[] := '{}';
    v_out_positions bigint[] := '{}';
    v_out_versions  bigint[] := '{}';
    v_out_prev      bytea[] := '{}';
    v_out_hashes    bytea[] := '{}';
BEGIN
    IF v_count = 0 THEN
        RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'RC002';
    END IF;
    IF coalesce(array_length(p_stream_ids, 1), 0) <> v_count OR coalesce(array_length(p_event_types, 1), 0) <> v_count
        OR coalesce(array_length(p_schema_versions, 1), 0) <> v_count OR coalesce(array_length(p_payloads, 1), 0) <> v_count
        OR coalesce(array_length(p_metadata, 1), 0) <> v_count OR coalesce(array_length(p_effective_dates, 1), 0) <> v_count
        OR coalesce(array_length(p_idempotency_keys, 1), 0) <> v_count THEN
        RAISE EXCEPTION 'the event arrays of an append differ in length' USING ERRCODE = 'RC002';
    END IF;
    IF array_position(p_idempotency_keys, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'each event of append_events_each needs its idempotency key (event %)',
            array_position(p_idempotency_keys, NULL) USING ERRCODE = 'RC002';
    END IF;
    IF NOT rcm.may_access(p_tenant) THEN
        RAISE EXCEPTION 'login % may not write to tenant %', v_user, p_tenant USING ERRCODE = '42501';
    END IF;

    -- The tenant's lock: held until commit, so positions follow commit order and a racing import of the same
    -- keys waits here, then finds them used.
    SELECT h.position, h.head_hash, h.last_recorded_at INTO v_position, v_hash, v_last_time
    FROM rcm.log_heads h WHERE h.tenant_id = p_tenant FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'tenant % has no log', p_tenant USING ERRCODE = 'RC003';
    END IF;

    -- recorded_at: read under the lock, never before the previous event's.
    v_now := greatest(clock_timestamp(), v_last_time);

    -- The events to append: the first of each key not used yet, in order, each stream's versions continuing
    -- from its current version (read once per stream). The chain is sequential: each event is hashed in order (its
    -- fields come with the row: a subscript of a long jsonb parameter walks the array), then all are written with one
    -- INSERT.
    v_start := v_position;
    FOR v_row IN
        SELECT f.o, f.stream_id, f.event_id, f.event_type, f.schema_version, f.payload, f.metadata, f.effective_date, f.key,
               (SELECT coalesce(max(e.stream_version), 0) FROM rcm.events e WHERE e.tenant_id = p_tenant AND e.stream_id = f.stream_id)
               + row_number() OVER (PARTITION BY f.stream_id ORDER BY f.o) AS version
        FROM (SELECT DISTINCT ON (a.key) a.o::integer AS o, a.stream_id, a.event_id, a.event_type, a.schema_version, a.payload,
                     a.metadata || jsonb_build_object('idempotency_key', a.key) AS metadata, a.effective_date, a.key
              FROM unnest(p_stream_ids, p_event_ids, p_event_types, p_schema_versions, p_payloads, p_metadata,
                          p_effective_dates, p_idempotency_keys) WITH ORDINALITY
                   AS a (stream_id, event_id, event_type, schema_version, payload, metadata, effective_date, key, o)
              WHERE NOT EXISTS (SELECT 1 FROM rcm.idempotency_keys k WHERE k.tenant_id = p_tenant AND k.key = a.key)
              ORDER BY a.key, a.o) f
        ORDER BY f.o
    LOOP
        v_index := v_index + 1;
        v_position := v_position + 1;
        -- jsonb values are already normalised, so ::text here is exactly what the stored column prints.
        v_next := sha256(v_hash || rcm.event_canonical_bytes(p_tenant, v_position, v_row.stream_id, v_row.version,
                                                              v_row.event_id, v_row.event_type, v_row.schema_version,
                                                              v_row.payload, v_row.metadata, v_row.effective_date,
                                                              v_now, v_user));
        v_out_streams[v_index] := v_row.stream_id;
        v_out_ids[v_index] := v_row.event_id;
        v_out_types[v_index] := v_row.event_type;
        v_out_schemas[v_index] := v_row.schema_version;
        v_out_payloads[v_index] := v_row.payload;
        v_out_metadata[v_index] := v_row.metadata;
        v_out_dates[v_index] := v_row.effective_date;
        v_out_keys[v_index] := v_row.key;
        v_out_positions[v_index] := v_position;
        v_out_versions[v_index] := v_row.version;
        v_out_prev[v_index] := v_hash;
        v_out_hashes[v_index] := v_next;
        v_hash := v_next;
    END LOOP;

    IF v_index > 0 THEN
        INSERT INTO rcm.events (tenant_id, position, stream_id, stream_version, event_id, event_type, schema_version,
                                payload, metadata, effective_date, recorded_at, db_user, prev_hash, hash)
        SELECT p_tenant, e.position, e.stream_id, e.stream_version, e.event_id, e.event_type, e.schema_version,
               e.payload, e.metadata, e.effective_date, v_now, v_user, e.prev_hash, e.hash
        FROM unnest(v_out_positions, v_out_streams, v_out_versions, v_out_ids, v_out_types, v_out_schemas,
                    v_out_payloads, v_out_metadata, v_out_dates, v_out_prev, v_out_hashes)
             AS e(position, stream_id, stream_version, event_id, event_type, schema_version, payload, metadata,
                  effective_date, prev_hash, hash);

        UPDATE rcm.log_heads h SET position = v_position, head_hash = v_hash, last_recorded_at = v_now
        WHERE h.tenant_id = p_tenant;

        INSERT INTO rcm.idempotency_keys (tenant_id, key, first_position, last_position)
        SELECT p_tenant, k.key, k.position, k.position FROM unnest(v_out_keys, v_out_positions) AS k (key, position);
    END IF;

    -- One row per event asked, in order: the event appended (the key's first use, appended now), or the key's first
    -- event (replayed).
    RETURN QUERY
        SELECT a.o::integer, e.event_id, e.position, e.stream_id, e.stream_version, e.recorded_at, e.hash,
               NOT (k.first_position > v_start AND a.o = min(a.o) OVER (PARTITION BY a.key))
        FROM unnest(p_idempotency_keys) WITH ORDINALITY AS a (key, o)
        JOIN rcm.idempotency_keys k ON k.tenant_id = p_tenant AND k.key = a.key
        JOIN rcm.events e ON e.tenant_id = p_tenant AND e.position = k.first_position
        ORDER BY a.o;
END
$$;
REVOKE ALL ON FUNCTION rcm.append_events_each(uuid, text[], uuid[], text[], integer[], jsonb[], jsonb[], date[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.append_events_each(uuid, text[], uuid[], text[], integer[], jsonb[], jsonb[], date[], text[]) TO rcm_staff;

-- Records the reads of many patients' records of one practice, as rcm_phi.record_read records one: each patient
-- whose read this transaction has not recorded yet for the acting role gets its access.phi_viewed (sensitive for a
-- Part 2 patient, as rcm.is_part2_record marks a patient's record), all appended in one call. This transaction's
-- access events are the tail of the practice's access stream (its first append holds the head row until commit),
-- read once. Not granted: only rcm_phi.read_identities calls it, after checking the practice.
CREATE FUNCTION rcm_phi.record_reads(p_tenant uuid, p_patient_keys text[], p_purpose text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_mine     xid := xid(pg_current_xact_id());
    v_role     text := rcm.acting_role();
    v_row      record;
    v_done     text[] := '{}';
    v_done_n   integer := 0;
    v_recorded jsonb;
    v_part2    jsonb;
    v_keys     text[];
    v_count    integer;
    v_zone     text;
    v_today    date;
    v_cause    uuid := gen_random_uuid();
BEGIN
    FOR v_row IN
        SELECT e.xmin AS x, e.db_user, e.payload ->> 'record' AS record FROM rcm.events e
        WHERE e.tenant_id = p_tenant AND e.stream_id = 'access' ORDER BY e.stream_version DESC
    LOOP
        EXIT WHEN NOT (v_row.x = v_mine);
        IF v_row.db_user = v_role AND v_row.record IS NOT NULL THEN
            v_done_n := v_done_n + 1;
            v_done[v_done_n] := v_row.record;
        END IF;
    END LOOP;
    -- The records already read, as a jsonb object (a sorted set: `?` finds a key by binary search).
    SELECT coalesce(jsonb_object_agg(d.record, true), '{}') INTO v_recorded FROM unnest(v_done) AS d (record);
    SELECT coalesce(array_agg(k.key ORDER BY k.first), '{}') INTO v_keys
    FROM (SELECT a.key, min(a.o) AS first FROM unnest(p_patient_keys) WITH ORDINALITY AS a (key, o)
          WHERE a.key IS NOT NULL GROUP BY a.key) k
    WHERE NOT v_recorded ? ('patient:' || k.key);
    v_count := coalesce(array_length(v_keys, 1), 0);
    IF v_count = 0 THEN
        RETURN;
    END IF;
    -- Which of them are 42 CFR Part 2 patients: rcm.is_part2_patient's two conditions, asked once for all of them
    -- (the same indexes: the patient's stream, the partial index of substance-use sessions).
    SELECT coalesce(jsonb_object_agg(p.key, true), '{}') INTO v_part2
    FROM (SELECT substr(e.stream_id, length('patient-') + 1) AS key FROM rcm.events e
          WHERE e.tenant_id = p_tenant AND e.stream_id = ANY (ARRAY(SELECT 'patient-' || k FROM unnest(v_keys) AS k))
            AND e.event_type = 'patient.substance_use_flagged'
          UNION
          SELECT e.payload #>> '{record,patientKey}' FROM rcm.events e
          WHERE e.tenant_id = p_tenant AND e.event_type IN ('session.logged', 'session.corrected')
            AND e.payload ->> 'substanceUse' = 'true' AND e.payload #>> '{record,patientKey}' = ANY (v_keys)) p;
    SELECT t.time_zone INTO v_zone FROM rcm.tenants t WHERE t.tenant_id = p_tenant;
    v_today := (now() AT TIME ZONE v_zone)::date;
    PERFORM rcm.append_events(
        p_tenant, ARRAY['access'], ARRAY[-1]::bigint[], array_fill('access'::text, ARRAY[v_count]),
        ARRAY(SELECT gen_random_uuid() FROM generate_series(1, v_count)),
        array_fill('access.phi_viewed'::text, ARRAY[v_count]), array_fill(2, ARRAY[v_count]),
        ARRAY(SELECT jsonb_strip_nulls(jsonb_build_object('record', 'patient:' || k.key, 'purpose', p_purpose,
                                                          'sensitive', v_part2 ? k.key,
                                                          'patientKey', k.key))
              FROM unnest(v_keys) WITH ORDINALITY AS k (key, o) ORDER BY k.o),
        array_fill(jsonb_build_object('actor', v_role, 'source', 'phi-store', 'correlation_id', v_cause), ARRAY[v_count]),
        array_fill(v_today, ARRAY[v_count]), NULL);
END
$$;
REVOKE ALL ON FUNCTION rcm_phi.record_reads(uuid, text[], text) FROM PUBLIC;

-- Many identities of one practice (sealed, or the clear columns of a row kept before V0010) with the practice's
-- wrapped key, by patient key; every read recorded (above). A key without an identity returns no row.
CREATE FUNCTION rcm_phi.read_identities(p_tenant uuid, p_patient_keys text[], p_purpose text)
RETURNS TABLE (patient_key text, sealed bytea, first_name text, last_name text, dob text, address text, phone text,
               member_id text, subscriber_id text, wrapped_key bytea, kek_id text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    PERFORM rcm_phi.check_reach(p_tenant);
    PERFORM rcm_phi.record_reads(p_tenant, p_patient_keys, p_purpose);
    RETURN QUERY
        SELECT i.patient_key, i.sealed, i.first_name, i.last_name, to_char(i.date_of_birth, 'YYYY-MM-DD'), i.address, i.phone,
               i.member_id, i.subscriber_id, k.wrapped_key, k.kek_id
        FROM rcm_phi.patient_identities i LEFT JOIN rcm_phi.data_keys k ON k.tenant_id = i.tenant_id
        WHERE i.tenant_id = p_tenant AND i.patient_key = ANY (p_patient_keys);
END
$$;
REVOKE ALL ON FUNCTION rcm_phi.read_identities(uuid, text[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm_phi.read_identities(uuid, text[], text) TO rcm_staff;

-- On Citus, like the product's other definer functions that take the tenant first (V0016): run on the tenant's worker.
INSERT INTO rcm_schema.delegated_functions (signature)
VALUES ('rcm.append_events_each(uuid,text[],uuid[],text[],integer[],jsonb[],jsonb[],date[],text[])'::regprocedure::text),
       ('rcm_phi.record_reads(uuid,text[],text)'::regprocedure::text),
       ('rcm_phi.read_identities(uuid,text[],text)'::regprocedure::text);
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM create_distributed_function(
            'rcm.append_events_each(uuid,text[],uuid[],text[],integer[],jsonb[],jsonb[],date[],text[])'::regprocedure, 'p_tenant',
            colocate_with := 'rcm.events', force_delegation := true);
        PERFORM create_distributed_function('rcm_phi.record_reads(uuid,text[],text)'::regprocedure, 'p_tenant',
                                            colocate_with := 'rcm.events', force_delegation := true);
        PERFORM create_distributed_function('rcm_phi.read_identities(uuid,text[],text)'::regprocedure, 'p_tenant',
                                            colocate_with := 'rcm.events', force_delegation := true);
    END IF;
END
$citus$;
