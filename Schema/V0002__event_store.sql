-- The event store: tenants, the per-tenant log with its head rows, idempotency keys, staff assignments,
-- subscription checkpoints; the one way to append (rcm.append_events, SECURITY DEFINER); immutability
-- triggers; row-level security by tenant. See docs/event-store.md for the hash chain's exact definition.

CREATE EXTENSION IF NOT EXISTS pgcrypto;  -- not required by the chain (sha256() is built in); gen_random_uuid

-- Tenants: one row per client practice, plus the billing company's own tenant. A reference table
-- (small, replicated on Citus); its rows are written only with the company tenant's events.
CREATE TABLE rcm.tenants (
    tenant_id   uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    kind        text NOT NULL CHECK (kind IN ('company', 'practice')),
    time_zone   text NOT NULL DEFAULT 'America/New_York',
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'offboarded')),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMENT ON TABLE rcm.tenants IS 'Reference table: the company tenant and its client practices (no PHI).';
CREATE UNIQUE INDEX tenants_one_company ON rcm.tenants ((kind)) WHERE kind = 'company';

-- The head of each tenant's log: the last position and hash, and the last recorded_at (never decreases).
CREATE TABLE rcm.log_heads (
    tenant_id        uuid PRIMARY KEY REFERENCES rcm.tenants (tenant_id),
    position         bigint NOT NULL DEFAULT 0,
    head_hash        bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea,
    last_recorded_at timestamptz NOT NULL DEFAULT '-infinity'
);

-- The log. Positions are gap-free per tenant and follow commit order (they are taken under the head row's lock).
CREATE TABLE rcm.events (
    tenant_id      uuid        NOT NULL,
    position       bigint      NOT NULL CHECK (position > 0),
    stream_id      text        NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
    stream_version bigint      NOT NULL CHECK (stream_version > 0),
    event_id       uuid        NOT NULL,
    event_type     text        NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
    schema_version integer     NOT NULL CHECK (schema_version > 0),
    payload        jsonb       NOT NULL,
    metadata       jsonb       NOT NULL,
    effective_date date        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    db_user        text        NOT NULL,
    prev_hash      bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash           bytea       NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (tenant_id, position),
    UNIQUE (tenant_id, stream_id, stream_version),
    UNIQUE (tenant_id, event_id)
);
CREATE INDEX events_type ON rcm.events (tenant_id, event_type, position);
COMMENT ON TABLE rcm.events IS 'The append-only, hash-chained log of each tenant. Written only by rcm.append_events.';

-- Idempotency keys, restorable from the log (each event's metadata holds its append's key).
CREATE TABLE rcm.idempotency_keys (
    tenant_id      uuid   NOT NULL,
    key            text   NOT NULL CHECK (length(key) BETWEEN 1 AND 500),
    first_position bigint NOT NULL,
    last_position  bigint NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

-- Staff assignments to practices: materialised from company-tenant events in the same transaction.
-- The policies of every tenant table read it, keyed on session_user.
CREATE TABLE rcm.staff_assignments (
    tenant_id   uuid NOT NULL REFERENCES rcm.tenants (tenant_id),
    login       text NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, login)
);
CREATE INDEX staff_assignments_login ON rcm.staff_assignments (login, tenant_id);

-- Named consumers' checkpoints, per tenant.
CREATE TABLE rcm.checkpoints (
    tenant_id  uuid   NOT NULL,
    consumer   text   NOT NULL,
    position   bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, consumer)
);

-- May the current login see and write this tenant's data? Owners (administration) and auditors see all;
-- staff and analysts see the company tenant and the practices they are assigned to. Keyed on
-- session_user, which no client setting changes (SET ROLE changes current_user only).
CREATE FUNCTION rcm.may_access(p_tenant uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT pg_has_role(session_user, 'rcm_owner', 'MEMBER')
        OR pg_has_role(session_user, 'rcm_auditor', 'MEMBER')
        OR EXISTS (SELECT 1 FROM rcm.tenants t WHERE t.tenant_id = p_tenant AND t.kind = 'company')
        OR EXISTS (SELECT 1 FROM rcm.staff_assignments a WHERE a.tenant_id = p_tenant AND a.login = session_user)
$$;

CREATE FUNCTION rcm.text_field(p_text text) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT pg_catalog.int4send(pg_catalog.octet_length(pg_catalog.convert_to(p_text, 'UTF8')))
        OPERATOR(pg_catalog.||) pg_catalog.convert_to(p_text, 'UTF8')
$$;

-- The canonical bytes of one event (docs/event-store.md). Text fields are a 4-byte big-endian length and
-- their UTF-8 bytes; integers are big-endian; times are microseconds since the epoch.
-- The tenants the current login may see, as one array: row-level policies compare tenant_id against it
-- through an uncorrelated subquery, so it is computed once per statement, not once per row (a per-row
-- call of rcm.may_access costs microseconds a row and dominated reports over large practices).
CREATE FUNCTION rcm.accessible_tenants() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT coalesce(array_agg(t.tenant_id), '{}')
    FROM rcm.tenants t
    WHERE pg_has_role(session_user, 'rcm_owner', 'MEMBER')
       OR pg_has_role(session_user, 'rcm_auditor', 'MEMBER')
       OR t.kind = 'company'
       OR EXISTS (SELECT 1 FROM rcm.staff_assignments a WHERE a.tenant_id = t.tenant_id AND a.login = session_user)
$$;

-- Both helpers are plain STABLE SQL functions without SET clauses so that the planner inlines them into
-- the append function's expression (a SET clause or a volatility mismatch forces a function call per
-- event, measured at 5-10 times slower); every name in them is schema-qualified instead.
CREATE FUNCTION rcm.event_canonical_bytes(
    p_tenant uuid, p_position bigint, p_stream text, p_stream_version bigint, p_event_id uuid,
    p_event_type text, p_schema_version integer, p_payload jsonb, p_metadata jsonb, p_effective_date date,
    p_recorded_at timestamptz, p_db_user text
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT pg_catalog.convert_to('RCM-EVENT-1', 'UTF8')
        OPERATOR(pg_catalog.||) rcm.text_field(p_tenant::text) OPERATOR(pg_catalog.||) pg_catalog.int8send(p_position)
        OPERATOR(pg_catalog.||) rcm.text_field(p_stream) OPERATOR(pg_catalog.||) pg_catalog.int8send(p_stream_version)
        OPERATOR(pg_catalog.||) rcm.text_field(p_event_id::text) OPERATOR(pg_catalog.||) rcm.text_field(p_event_type)
        OPERATOR(pg_catalog.||) pg_catalog.int4send(p_schema_version)
        OPERATOR(pg_catalog.||) rcm.text_field(p_payload::text) OPERATOR(pg_catalog.||) rcm.text_field(p_metadata::text)
        OPERATOR(pg_catalog.||) rcm.text_field(pg_catalog.to_char(p_effective_date, 'YYYY-MM-DD'))
        OPERATOR(pg_catalog.||) pg_catalog.int8send((EXTRACT(epoch FROM p_recorded_at) OPERATOR(pg_catalog.*) 1000000)::bigint)
        OPERATOR(pg_catalog.||) rcm.text_field(p_db_user)
$$;

-- The one way into the log. Appends events to one or more streams of one tenant atomically.
--   p_streams/p_expected: each stream touched and its expected version: -1 any, 0 no stream,
--     -2 stream exists, N > 0 exactly N (the stream's current last version).
--   p_stream_ids … p_effective_dates: one element per event, in order.
--   p_idempotency_key: when not null and already used in this tenant, nothing is appended and the
--     original events are returned with replayed = true.
-- Assigns position, recorded_at, db_user, prev_hash and hash itself.
CREATE FUNCTION rcm.append_events(
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
    v_user       text := session_user;
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

-- Onboarding and assignments: written only through these functions, by owners (administration).
-- The application appends the matching company-tenant event in the same transaction.
CREATE FUNCTION rcm.create_tenant(p_tenant uuid, p_slug text, p_kind text, p_time_zone text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
        RAISE EXCEPTION 'only an owner login may onboard a tenant' USING ERRCODE = '42501';
    END IF;
    PERFORM now() AT TIME ZONE p_time_zone;  -- an unknown time zone fails here
    INSERT INTO rcm.tenants (tenant_id, slug, kind, time_zone) VALUES (p_tenant, p_slug, p_kind, p_time_zone);
    INSERT INTO rcm.log_heads (tenant_id) VALUES (p_tenant);
END
$$;

CREATE FUNCTION rcm.assign_staff(p_tenant uuid, p_login text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
        RAISE EXCEPTION 'only an owner login may assign staff' USING ERRCODE = '42501';
    END IF;
    INSERT INTO rcm.staff_assignments (tenant_id, login) VALUES (p_tenant, p_login)
    ON CONFLICT (tenant_id, login) DO NOTHING;
    RETURN FOUND;
END
$$;

-- Immutability, second guard (the first is that no login but the owner has any privilege to write).
CREATE FUNCTION rcm.reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %.% is not allowed: the log is append-only; record a correcting event instead',
        TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'RC004';
END
$$;
CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON rcm.events
    FOR EACH ROW EXECUTE FUNCTION rcm.reject_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON rcm.events
    FOR EACH STATEMENT EXECUTE FUNCTION rcm.reject_change();
CREATE TRIGGER idempotency_keys_no_update_delete BEFORE UPDATE OR DELETE ON rcm.idempotency_keys
    FOR EACH ROW EXECUTE FUNCTION rcm.reject_change();
CREATE TRIGGER idempotency_keys_no_truncate BEFORE TRUNCATE ON rcm.idempotency_keys
    FOR EACH STATEMENT EXECUTE FUNCTION rcm.reject_change();

-- Row-level security by tenant.
ALTER TABLE rcm.tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm.log_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm.idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm.staff_assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm.checkpoints ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenants_visible ON rcm.tenants FOR SELECT USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));
CREATE POLICY log_heads_visible ON rcm.log_heads FOR SELECT USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));
CREATE POLICY events_visible ON rcm.events FOR SELECT USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));
CREATE POLICY idempotency_keys_visible ON rcm.idempotency_keys FOR SELECT USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));
CREATE POLICY staff_assignments_visible ON rcm.staff_assignments FOR SELECT
    USING (login = session_user OR pg_has_role(session_user, 'rcm_owner', 'MEMBER')
           OR pg_has_role(session_user, 'rcm_auditor', 'MEMBER'));
CREATE POLICY checkpoints_by_tenant ON rcm.checkpoints FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[])) WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));

-- Privileges: nobody but the owner writes the log; staff append through the function.
REVOKE ALL ON ALL TABLES IN SCHEMA rcm FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA rcm FROM PUBLIC;
GRANT USAGE ON SCHEMA rcm TO rcm_analyst;
GRANT SELECT ON rcm.tenants, rcm.staff_assignments TO rcm_staff, rcm_auditor, rcm_analyst;
GRANT SELECT ON rcm.events, rcm.log_heads, rcm.idempotency_keys TO rcm_staff, rcm_auditor;
GRANT SELECT, INSERT, UPDATE ON rcm.checkpoints TO rcm_staff;
GRANT SELECT ON rcm.checkpoints TO rcm_auditor;
GRANT EXECUTE ON FUNCTION rcm.may_access(uuid), rcm.accessible_tenants() TO rcm_staff, rcm_auditor, rcm_analyst;
GRANT EXECUTE ON FUNCTION rcm.text_field(text), rcm.event_canonical_bytes(uuid, bigint, text, bigint, uuid, text,
    integer, jsonb, jsonb, date, timestamptz, text) TO rcm_staff, rcm_auditor;
GRANT EXECUTE ON FUNCTION rcm.append_events(uuid, text[], bigint[], text[], uuid[], text[], integer[], jsonb[],
    jsonb[], date[], text) TO rcm_staff;
