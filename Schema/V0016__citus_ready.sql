-- Ready for Citus (issue #15, decision 0013): one schema for a single PostgreSQL and for a Citus cluster.
-- Everything above the last block holds on both engines; the last block (a DO that checks for the citus
-- extension) distributes the tables, and is the only place the engine is asked about.

-- Policies without subqueries: `tenant_id = ANY (rcm.accessible_tenants())`. Citus refuses subqueries in
-- policies of distributed and reference tables. Every policy of the product's schemas is rewritten in place,
-- whatever migration created it; the function is STABLE, so an index scan evaluates it once.
CREATE FUNCTION rcm_schema.without_tenant_subquery(p_expression text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(p_expression,
        '\(\s*SELECT\s+(rcm\.)?accessible_tenants\(\)\s+AS\s+accessible_tenants\)', 'rcm.accessible_tenants()', 'g')
$$;

DO $policies$
DECLARE
    p record;
BEGIN
    FOR p IN
        SELECT schemaname, tablename, policyname, qual, with_check FROM pg_policies
        WHERE schemaname LIKE 'rcm%'
          AND (qual ~ 'SELECT' OR with_check ~ 'SELECT')
    LOOP
        IF p.qual IS NOT NULL THEN
            EXECUTE format('ALTER POLICY %I ON %I.%I USING (%s)', p.policyname, p.schemaname, p.tablename,
                           rcm_schema.without_tenant_subquery(p.qual));
        END IF;
        IF p.with_check IS NOT NULL THEN
            EXECUTE format('ALTER POLICY %I ON %I.%I WITH CHECK (%s)', p.policyname, p.schemaname, p.tablename,
                           rcm_schema.without_tenant_subquery(p.with_check));
        END IF;
    END LOOP;
END
$policies$;

-- Where a new table goes beside an existing one. A single node keeps every table where it is; on Citus the
-- last block of this migration replaces the body so the table is distributed and co-located like its model.
CREATE FUNCTION rcm_analytics_store.place_like(p_table text, p_model text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, rcm AS $$
BEGIN
    RETURN;
END
$$;
REVOKE ALL ON FUNCTION rcm_analytics_store.place_like(text, text) FROM PUBLIC;

-- A rebuild table is secured exactly like its live table: the same policies (whatever a later migration
-- makes them), the same table and column grants, then placed beside it (co-located on Citus) before any
-- row or view reaches it.
CREATE OR REPLACE FUNCTION rcm_analytics_store.secure(p_table text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_live text := regexp_replace(p_table, '_rebuild$', '');
    v_target regclass := format('rcm_analytics_store.%I', p_table)::regclass;
    p record;
    g record;
BEGIN
    IF v_live = p_table THEN
        RAISE EXCEPTION 'secure(%) expects a rebuild table (<table>_rebuild)', p_table;
    END IF;
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', v_target);
    FOR p IN SELECT policyname, permissive, cmd, roles, qual, with_check FROM pg_policies
             WHERE schemaname = 'rcm_analytics_store' AND tablename = v_live LOOP
        EXECUTE format('CREATE POLICY %I ON %s AS %s FOR %s TO %s%s%s', p.policyname, v_target, p.permissive, p.cmd,
                       (SELECT string_agg(CASE WHEN r = 'public' THEN 'PUBLIC' ELSE quote_ident(r) END, ', ')
                        FROM unnest(p.roles) r),
                       CASE WHEN p.qual IS NOT NULL THEN format(' USING (%s)', p.qual) ELSE '' END,
                       CASE WHEN p.with_check IS NOT NULL THEN format(' WITH CHECK (%s)', p.with_check) ELSE '' END);
    END LOOP;
    EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', v_target);
    FOR g IN SELECT a.privilege_type, r.rolname
             FROM pg_class c, aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee
             WHERE c.oid = format('rcm_analytics_store.%I', v_live)::regclass AND r.rolname <> current_user LOOP
        EXECUTE format('GRANT %s ON %s TO %I', g.privilege_type, v_target, g.rolname);
    END LOOP;
    FOR g IN SELECT a.privilege_type, r.rolname, t.attname
             FROM pg_attribute t, aclexplode(t.attacl) a JOIN pg_roles r ON r.oid = a.grantee
             WHERE t.attrelid = format('rcm_analytics_store.%I', v_live)::regclass AND t.attacl IS NOT NULL LOOP
        EXECUTE format('GRANT %s (%I) ON %s TO %I', g.privilege_type, g.attname, v_target, g.rolname);
    END LOOP;
    PERFORM rcm_analytics_store.place_like(p_table, v_live);
END
$$;
REVOKE ALL ON FUNCTION rcm_analytics_store.secure(text) FROM PUBLIC;

-- The switch: no volatile function in an UPDATE of a distributed table (now(), not clock_timestamp()), and no
-- row locks across shards (a table lock on the checkpoints, taken first as the runner takes them).
CREATE OR REPLACE FUNCTION rcm_analytics_store.finish_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_table text;
    v_index record;
BEGIN
    IF NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only an owner login may rebuild projections' USING ERRCODE = '42501';
    END IF;
    LOCK TABLE rcm.checkpoints IN EXCLUSIVE MODE;
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
    UPDATE rcm.checkpoints SET consumer = 'claims', updated_at = now() WHERE consumer = 'claims.rebuild';
END
$$;

-- Immutability by privileges: nobody, the owner included, holds UPDATE, DELETE or TRUNCATE on the log and
-- its idempotency keys (an owner that grants them back to itself does so in the catalog, visibly). Citus
-- refuses triggers on distributed tables, so the row triggers that were the second guard go.
DROP TRIGGER events_no_update_delete ON rcm.events;
DROP TRIGGER events_no_truncate ON rcm.events;
DROP TRIGGER idempotency_keys_no_update_delete ON rcm.idempotency_keys;
DROP TRIGGER idempotency_keys_no_truncate ON rcm.idempotency_keys;
DROP FUNCTION rcm.reject_change();
REVOKE UPDATE, DELETE, TRUNCATE ON rcm.events, rcm.idempotency_keys FROM PUBLIC, rcm_owner;

-- The KPI view in a form Citus pushes down to the tenant's worker: the month's closing balances are a join
-- grouped by (tenant, month) rather than an aggregate in a LATERAL subquery.
CREATE OR REPLACE VIEW rcm_analytics.kpis_monthly WITH (security_invoker = true) AS
WITH activity AS (
    SELECT tenant_id, date_trunc('month', activity_date)::date AS month,
           sum(charges) AS charges, sum(insurance_paid) AS insurance_paid, sum(patient_paid) AS patient_paid,
           sum(refunds) AS refunds, sum(adjustments) AS adjustments, sum(write_offs) AS write_offs
    FROM rcm_analytics.ar_activity GROUP BY 1, 2
), submitted AS (
    SELECT tenant_id, date_trunc('month', first_submitted_on)::date AS month, count(*) AS claims_submitted,
           count(*) FILTER (WHERE clean_claim) AS clean_claims
    FROM rcm_analytics.claim_status WHERE first_submitted_on IS NOT NULL GROUP BY 1, 2
), adjudicated AS (
    SELECT tenant_id, date_trunc('month', first_adjudicated_on)::date AS month, count(*) AS claims_adjudicated,
           count(*) FILTER (WHERE first_pass_paid) AS first_pass_paid,
           count(*) FILTER (WHERE first_pass_denied) AS claims_denied,
           sum(first_adjudication_charges) AS adjudicated_amount, sum(first_adjudication_denied) AS denied_amount
    FROM rcm_analytics.claim_status WHERE first_adjudicated_on IS NOT NULL GROUP BY 1, 2
), months AS NOT MATERIALIZED (
    SELECT tenant_id, month FROM activity UNION SELECT tenant_id, month FROM submitted
    UNION SELECT tenant_id, month FROM adjudicated
), closing AS (
    SELECT m.tenant_id, m.month,
           sum(x.charges - x.insurance_paid - x.patient_paid - x.adjustments - x.write_offs + x.refunds) AS ending_ar,
           sum(x.charges - x.insurance_paid - x.patient_paid - x.adjustments - x.write_offs + x.refunds)
               FILTER (WHERE x.service_date < (m.month + interval '1 month - 1 day')::date - 90) AS ar_over_90,
           sum(x.charges) FILTER (WHERE x.activity_date > (m.month + interval '1 month - 1 day')::date - 90)
               AS trailing_90_charges
    FROM months m
    JOIN rcm_analytics.ar_activity x ON x.tenant_id = m.tenant_id AND x.activity_date < m.month + interval '1 month'
    GROUP BY m.tenant_id, m.month
)
SELECT m.tenant_id, m.month,
       coalesce(a.charges, 0) AS charges,
       coalesce(a.insurance_paid, 0) + coalesce(a.patient_paid, 0) - coalesce(a.refunds, 0) AS payments,
       coalesce(a.adjustments, 0) AS adjustments,
       coalesce(a.write_offs, 0) AS write_offs,
       coalesce(e.ending_ar, 0) AS ending_ar, coalesce(e.ar_over_90, 0) AS ar_over_90,
       coalesce(e.trailing_90_charges, 0) AS trailing_90_charges,
       CASE WHEN e.trailing_90_charges > 0 THEN round(e.ending_ar * 90.0 / e.trailing_90_charges, 1) END AS days_in_ar,
       CASE WHEN e.ending_ar > 0 THEN round(100.0 * coalesce(e.ar_over_90, 0) / e.ending_ar, 1) END AS pct_ar_over_90,
       coalesce(s.claims_submitted, 0) AS claims_submitted, coalesce(s.clean_claims, 0) AS clean_claims,
       CASE WHEN s.claims_submitted > 0 THEN round(100.0 * s.clean_claims / s.claims_submitted, 1) END AS clean_claim_rate,
       coalesce(d.claims_adjudicated, 0) AS claims_adjudicated, coalesce(d.first_pass_paid, 0) AS first_pass_paid,
       CASE WHEN d.claims_adjudicated > 0 THEN round(100.0 * d.first_pass_paid / d.claims_adjudicated, 1) END
           AS first_pass_resolution_rate,
       coalesce(d.claims_denied, 0) AS claims_denied,
       CASE WHEN d.claims_adjudicated > 0 THEN round(100.0 * d.claims_denied / d.claims_adjudicated, 1) END AS denial_rate,
       coalesce(d.denied_amount, 0) AS denied_amount, coalesce(d.adjudicated_amount, 0) AS adjudicated_amount,
       CASE WHEN d.adjudicated_amount > 0 THEN round(100.0 * d.denied_amount / d.adjudicated_amount, 1) END
           AS denial_rate_dollars,
       CASE WHEN coalesce(a.charges, 0) - coalesce(a.adjustments, 0) > 0
            THEN round(100.0 * (coalesce(a.insurance_paid, 0) + coalesce(a.patient_paid, 0) - coalesce(a.refunds, 0))
                       / (a.charges - a.adjustments), 1) END AS net_collection_rate
FROM months m
LEFT JOIN activity a ON a.tenant_id = m.tenant_id AND a.month = m.month
LEFT JOIN submitted s ON s.tenant_id = m.tenant_id AND s.month = m.month
LEFT JOIN adjudicated d ON d.tenant_id = m.tenant_id AND d.month = m.month
LEFT JOIN closing e ON e.tenant_id = m.tenant_id AND e.month = m.month;

-- What goes where on Citus; the catalog test reads this too, so a new table without a place fails it.
CREATE TABLE rcm_schema.placement (
    table_name text PRIMARY KEY,
    placement  text NOT NULL CHECK (placement IN ('distributed', 'reference', 'coordinator'))
);
INSERT INTO rcm_schema.placement (table_name, placement) VALUES
    ('rcm.tenants', 'reference'),
    ('rcm.staff_assignments', 'reference'),
    ('rcm.interchange_counters', 'reference'),
    ('rcm_auth.credentials', 'reference'),
    ('rcm_auth.sessions', 'reference'),
    ('rcm_auth.api_keys', 'reference'),
    ('rcm_auth.decoy_key', 'reference'),
    ('rcm.events', 'distributed'),
    ('rcm.log_heads', 'distributed'),
    ('rcm.idempotency_keys', 'distributed'),
    ('rcm.checkpoints', 'distributed'),
    ('rcm_phi.data_keys', 'distributed'),
    ('rcm_phi.patient_identities', 'distributed'),
    ('rcm_phi.x12_files', 'distributed'),
    ('rcm_schema.migrations', 'coordinator'),
    ('rcm_schema.placement', 'coordinator'),
    ('rcm_schema.delegated_functions', 'coordinator'),
    -- V0011–V0014: company-wide sign-in state beside credentials and sessions; tenant data beside the log.
    ('rcm_auth.second_factor_policy', 'reference'),
    ('rcm_auth.totp_factors', 'reference'),
    ('rcm_auth.recovery_codes', 'reference'),
    ('rcm.api_idempotency', 'distributed'),
    ('rcm.webhook_subscriptions', 'distributed'),
    ('rcm.webhook_attempts', 'distributed'),
    ('rcm.webhook_dead_letters', 'distributed'),
    ('rcm_analytics_store.alerts', 'distributed');
INSERT INTO rcm_schema.placement (table_name, placement)
SELECT 'rcm_analytics_store.' || t, 'distributed' FROM unnest(rcm_analytics_store.projection_tables()) t;

-- A table a later migration creates takes its place here: recorded, and placed at once on Citus.
CREATE FUNCTION rcm_schema.place(p_table text, p_placement text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, rcm AS $$
BEGIN
    INSERT INTO rcm_schema.placement (table_name, placement) VALUES (p_table, p_placement);
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        RETURN;
    END IF;
    IF p_placement = 'reference' THEN
        PERFORM create_reference_table(p_table::regclass);
    ELSIF p_placement = 'distributed' THEN
        PERFORM create_distributed_table(p_table::regclass, 'tenant_id', colocate_with := 'rcm.events');
    END IF;
END
$$;
REVOKE ALL ON FUNCTION rcm_schema.place(text, text) FROM PUBLIC;

-- Pruning the live open-AR table takes one tenant, first, as p_tenant, so it is delegated like the write
-- functions below: the runner has just written that tenant's ar_open rows over its own connection, and the
-- owner's DELETE must run inside that connection on the tenant's worker, not on a second one (SQLSTATE 25001).
DROP FUNCTION rcm_analytics_store.prune_ar_open(uuid[], text[], text[], text[], date[]);
CREATE FUNCTION rcm_analytics_store.prune_ar_open(
    p_tenant uuid, p_sides text[], p_payers text[], p_providers text[], p_dates date[]
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_count bigint;
BEGIN
    IF NOT p_tenant = ANY (rcm.accessible_tenants()) THEN
        RETURN 0;
    END IF;
    DELETE FROM rcm_analytics_store.ar_open o
    WHERE o.tenant_id = p_tenant AND o.claims = 0
      AND (o.side, o.payer_id, o.rendering_provider, o.service_date) IN (
          SELECT k.side, k.payer_id, k.provider, k.service_date
          FROM unnest(p_sides, p_payers, p_providers, p_dates) AS k (side, payer_id, provider, service_date));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION rcm_analytics_store.prune_ar_open(uuid, text[], text[], text[], date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm_analytics_store.prune_ar_open(uuid, text[], text[], text[], date[]) TO rcm_staff;

-- The product's definer functions that take the tenant as their first argument, p_tenant, and touch only
-- that tenant's shards (reference tables read-only): on Citus they run on the tenant's worker, inside the
-- caller's own connection, so the owner's writes and the caller's reads never meet on two connections.
-- Onboarding and assignments write reference tables and run as the owner in their own transaction instead.
CREATE TABLE rcm_schema.delegated_functions (signature text PRIMARY KEY);
INSERT INTO rcm_schema.delegated_functions (signature)
SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN ('rcm', 'rcm_phi', 'rcm_analytics_store') AND p.prosecdef
  AND p.proargnames[1] = 'p_tenant' AND p.proargtypes[0] = 'uuid'::regtype
  AND p.proname NOT IN ('create_tenant', 'assign_staff', 'set_tenant_status', 'may_access');

-- The one engine branch: distribute when the citus extension is present (decision 0013).
DO $citus$
DECLARE
    t record;
    v_add_keys text[];
    v_drop_keys text[];
    v_statement text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        RETURN;
    END IF;
    PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    FOR t IN SELECT table_name FROM rcm_schema.placement WHERE placement = 'reference' ORDER BY table_name LOOP
        PERFORM create_reference_table(t.table_name::regclass);
    END LOOP;
    PERFORM create_distributed_table('rcm.events', 'tenant_id');
    -- Citus refuses a foreign key between a local and a distributed table in either direction, so keys between
    -- tables to be distributed (webhook attempts → subscriptions) are dropped, the tables distributed, and the
    -- keys made again (both sides co-located by tenant_id, which every such key includes).
    SELECT coalesce(array_agg(format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))), '{}'),
           coalesce(array_agg(format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname)), '{}')
      INTO v_add_keys, v_drop_keys
    FROM pg_constraint c JOIN rcm_schema.placement q ON q.table_name = c.confrelid::regclass::text
    WHERE c.contype = 'f' AND q.placement = 'distributed';
    FOREACH v_statement IN ARRAY v_drop_keys LOOP
        EXECUTE v_statement;
    END LOOP;
    FOR t IN SELECT table_name FROM rcm_schema.placement
             WHERE placement = 'distributed' AND table_name <> 'rcm.events' ORDER BY table_name LOOP
        PERFORM create_distributed_table(t.table_name::regclass, 'tenant_id', colocate_with := 'rcm.events');
    END LOOP;
    FOREACH v_statement IN ARRAY v_add_keys LOOP
        EXECUTE v_statement;
    END LOOP;
    FOR t IN SELECT signature FROM rcm_schema.delegated_functions LOOP
        PERFORM create_distributed_function(t.signature::regprocedure, 'p_tenant',
                                            colocate_with := 'rcm.events', force_delegation := true);
    END LOOP;
    EXECUTE $body$
        CREATE OR REPLACE FUNCTION rcm_analytics_store.place_like(p_table text, p_model text) RETURNS void
        LANGUAGE plpgsql SET search_path = pg_catalog, rcm AS $f$
        BEGIN
            PERFORM create_distributed_table(format('rcm_analytics_store.%I', p_table)::regclass, 'tenant_id',
                                             colocate_with := format('rcm_analytics_store.%I', p_model));
        END
        $f$
    $body$;
END
$citus$;
