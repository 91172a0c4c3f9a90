-- One key style for every payload (decision 0102): the types whose payloads had snake_case keys are written
-- at schema version 2 with camelCase keys; rows already stored stay as they are (the chain still verifies)
-- and are upcast when read. The SQL that reads payload keys of those types reads both styles.

-- Restoring a backup: staff assignments from company.staff_assigned, `tenantID` (v2) or `tenant_id` (v1).
CREATE OR REPLACE FUNCTION rcm.rebuild_derived_state() RETURNS integer
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

-- PHI access events, now with their schema version (access.phi_viewed is at version 2). The version-less
-- function is dropped: a binary and its schema go together (the migrator refuses a schema it does not know).
CREATE FUNCTION rcm.record_access(
    p_tenant uuid, p_event_id uuid, p_event_type text, p_schema_version integer, p_payload jsonb, p_metadata jsonb,
    p_effective_date date
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
        ARRAY[p_schema_version], ARRAY[p_payload], ARRAY[p_metadata], ARRAY[p_effective_date], NULL) a;
    RETURN v_position;
END
$$;
REVOKE ALL ON FUNCTION rcm.record_access(uuid, uuid, text, integer, jsonb, jsonb, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.record_access(uuid, uuid, text, integer, jsonb, jsonb, date) TO rcm_staff, rcm_auditor;
DROP FUNCTION rcm.record_access(uuid, uuid, text, jsonb, jsonb, date);

-- The audit trail's patient key: access.phi_viewed wrote `patient_key` at version 1 and `patientKey` at 2.
CREATE OR REPLACE VIEW rcm.audit_trail WITH (security_invoker = true) AS
SELECT e.tenant_id, e.position, e.event_id, e.event_type, e.stream_id,
       e.metadata->>'actor' AS actor, e.db_user,
       e.effective_date, e.recorded_at,
       e.payload->>'claimID' AS claim_id,
       coalesce(e.payload->>'patientKey', e.payload->>'patient_key',
                CASE WHEN e.stream_id LIKE 'patient-%' THEN substr(e.stream_id, 9)
                     WHEN e.stream_id LIKE 'account-%' THEN substr(e.stream_id, 9) END,
                CASE WHEN e.stream_id LIKE 'claim-%' THEN
                    (SELECT c.payload->>'patientKey' FROM rcm.events c
                     WHERE c.tenant_id = e.tenant_id AND c.stream_id = e.stream_id AND c.stream_version = 1) END)
           AS patient_key,
       rcm.cents(coalesce(e.payload->>'amount', e.payload->>'charges', e.payload->'posting'->>'paid',
                          e.payload->>'chargesReversed', e.payload->>'chargeChange',
                          e.payload->'denial'->>'amount')) AS amount_cents,
       e.metadata->>'source' AS source,
       coalesce(e.metadata->>'reason', e.payload->>'reason') AS reason,
       e.metadata->>'correlation_id' AS correlation_id,
       e.metadata->>'causation_id' AS causation_id
FROM rcm.events e;
