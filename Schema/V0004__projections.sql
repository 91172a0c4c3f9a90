-- Projections (docs/projections.md): the analyst schema, its physical tables, the rebuild switch and the
-- auditor's audit trail.
--
-- Physical tables live in rcm_analytics_store and are written by the projection runner (a staff login,
-- under row-level security). Analysts read the views of rcm_analytics, created WITH (security_invoker = true)
-- so that row-level security of the tables underneath applies to the reader. A rebuild fills
-- <table>_rebuild beside each table, then rcm_analytics_store.finish_rebuild() switches in one transaction:
-- the views are pointed at the new tables, the old ones dropped and the new ones renamed; grants and
-- policies were given to the new tables when they were made, so nothing an analyst relies on changes.
-- No direct identifiers: a pseudonymous patient key, dates of service, codes and amounts. Money is bigint cents.

CREATE SCHEMA rcm_analytics_store;
CREATE SCHEMA rcm_analytics;
COMMENT ON SCHEMA rcm_analytics_store IS 'Physical projection tables, written by the projection runner.';
COMMENT ON SCHEMA rcm_analytics IS 'The analyst schema: documented, pseudonymised views under row-level security.';

-- One row per claim.
CREATE TABLE rcm_analytics_store.claim_status (
    tenant_id               uuid    NOT NULL,
    claim_id                text    NOT NULL,
    claim_number            text    NOT NULL,
    patient_key             text    NOT NULL,
    payer_id                text    NOT NULL,
    payer_order             text    NOT NULL,
    primary_payer_id        text    NOT NULL,
    rendering_provider      text,
    service_date            date    NOT NULL,
    service_date_last       date    NOT NULL,
    created_on              date    NOT NULL,
    first_submitted_on      date,
    payer_submitted_on      date,
    last_submitted_on       date,
    acknowledged_on         date,
    first_adjudicated_on    date,
    last_adjudicated_on     date,
    patient_billed_on       date,
    last_activity_on        date    NOT NULL,
    status                  text    NOT NULL,
    charges                 bigint  NOT NULL,
    insurance_paid          bigint  NOT NULL,
    patient_paid            bigint  NOT NULL,
    adjustments             bigint  NOT NULL,
    write_offs              bigint  NOT NULL,
    refunds                 bigint  NOT NULL,
    patient_responsibility  bigint  NOT NULL,
    insurance_balance       bigint  NOT NULL,
    patient_balance         bigint  NOT NULL,
    balance                 bigint  NOT NULL,
    open_denials            integer NOT NULL,
    denied                  boolean NOT NULL,
    denial_count            integer NOT NULL,
    submission_count        integer NOT NULL,
    resubmission_count      integer NOT NULL,
    rejection_count         integer NOT NULL,
    scrub_failed            boolean NOT NULL,
    first_adjudication_charges bigint,
    first_adjudication_paid    bigint,
    first_adjudication_denied  bigint,
    first_pass_denied       boolean,
    clean_claim             boolean,
    first_pass_paid         boolean,
    sensitive               boolean NOT NULL,
    last_position           bigint  NOT NULL,
    line_codes              text    NOT NULL,
    PRIMARY KEY (tenant_id, claim_id)
);
CREATE INDEX claim_status_open ON rcm_analytics_store.claim_status (tenant_id, payer_id)
    INCLUDE (insurance_balance, patient_balance, service_date, payer_submitted_on, last_activity_on)
    WHERE balance <> 0 OR insurance_balance <> 0 OR patient_balance <> 0;

-- One row per denial.
CREATE TABLE rcm_analytics_store.denials (
    tenant_id          uuid    NOT NULL,
    claim_id           text    NOT NULL,
    denial_id          text    NOT NULL,
    payer_id           text    NOT NULL,
    rendering_provider text,
    procedure_codes    text    NOT NULL,
    group_code         text,
    carc               text,
    carc_all           text    NOT NULL,
    rarc               text    NOT NULL,
    amount             bigint  NOT NULL,
    owner              text,
    status             text    NOT NULL,
    outcome            text,
    opened_on          date    NOT NULL,
    due_date           date    NOT NULL,
    appealed_on        date,
    resolved_on        date,
    sensitive          boolean NOT NULL,
    last_position      bigint  NOT NULL,
    PRIMARY KEY (tenant_id, claim_id, denial_id)
);

-- Money movements by business date and date of service: the facts behind the monthly KPIs and A/R roll-forward.
CREATE TABLE rcm_analytics_store.ar_activity (
    tenant_id       uuid   NOT NULL,
    activity_date   date   NOT NULL,
    service_date    date   NOT NULL,
    charges         bigint NOT NULL,
    insurance_paid  bigint NOT NULL,
    patient_paid    bigint NOT NULL,
    refunds         bigint NOT NULL,
    adjustments     bigint NOT NULL,
    write_offs      bigint NOT NULL,
    PRIMARY KEY (tenant_id, activity_date, service_date)
);

-- Open balances summed by practice, side, payer, provider and date of service: the aging report's fast path
-- (a practice's aging reads a few thousand rows here instead of every open claim).
CREATE TABLE rcm_analytics_store.ar_open (
    tenant_id          uuid   NOT NULL,
    side               text   NOT NULL CHECK (side IN ('insurance', 'patient')),
    payer_id           text   NOT NULL,
    rendering_provider text   NOT NULL,
    service_date       date   NOT NULL,
    open_amount        bigint NOT NULL,
    credit_amount      bigint NOT NULL,
    claims             bigint NOT NULL,
    PRIMARY KEY (tenant_id, side, payer_id, rendering_provider, service_date)
);

-- Row-level security, policies, grants: written as a function so a rebuild gives the same to its new tables.
CREATE FUNCTION rcm_analytics_store.secure(p_table text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, rcm AS $$
BEGIN
    EXECUTE format('ALTER TABLE rcm_analytics_store.%I ENABLE ROW LEVEL SECURITY', p_table);
    EXECUTE format('CREATE POLICY by_tenant ON rcm_analytics_store.%I FOR ALL '
                   'USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[])) '
                   'WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]))', p_table);
    EXECUTE format('REVOKE ALL ON rcm_analytics_store.%I FROM PUBLIC', p_table);
    EXECUTE format('GRANT SELECT ON rcm_analytics_store.%I TO rcm_analyst, rcm_auditor', p_table);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON rcm_analytics_store.%I TO rcm_staff', p_table);
END
$$;
REVOKE ALL ON FUNCTION rcm_analytics_store.secure(text) FROM PUBLIC;
SELECT rcm_analytics_store.secure('claim_status');
SELECT rcm_analytics_store.secure('denials');
SELECT rcm_analytics_store.secure('ar_activity');
SELECT rcm_analytics_store.secure('ar_open');

-- The analyst views. The four base views are repointed by a rebuild; the others read the base views.
CREATE VIEW rcm_analytics.claim_status WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.claim_status;
CREATE VIEW rcm_analytics.denials WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.denials;
CREATE VIEW rcm_analytics.ar_activity WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.ar_activity;
CREATE VIEW rcm_analytics.ar_open WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.ar_open;

CREATE VIEW rcm_analytics.ar_balances WITH (security_invoker = true) AS
    SELECT tenant_id, payer_id, patient_key, claim_id, claim_number, rendering_provider, service_date,
           insurance_balance, patient_balance, balance, sensitive
    FROM rcm_analytics.claim_status
    WHERE insurance_balance <> 0 OR patient_balance <> 0;

-- The aging bucket of an age in days (0–30, 31–60, 61–90, 91–120, 121+).
CREATE FUNCTION rcm_analytics.aging_bucket(p_days integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_days <= 30 THEN '0-30' WHEN p_days <= 60 THEN '31-60' WHEN p_days <= 90 THEN '61-90'
                WHEN p_days <= 120 THEN '91-120' ELSE '121+' END
$$;

-- Open balances, one row per claim and side, with every anchor; bucket at query time.
CREATE VIEW rcm_analytics.ar_aging WITH (security_invoker = true) AS
    SELECT tenant_id, claim_id, claim_number, 'insurance'::text AS side, payer_id, rendering_provider, patient_key,
           insurance_balance AS amount, insurance_balance < 0 AS credit,
           service_date, coalesce(payer_submitted_on, created_on) AS first_submitted_on, last_activity_on, sensitive
    FROM rcm_analytics.claim_status WHERE insurance_balance <> 0
    UNION ALL
    SELECT tenant_id, claim_id, claim_number, 'patient'::text, payer_id, rendering_provider, patient_key,
           patient_balance, patient_balance < 0,
           service_date, coalesce(patient_billed_on, created_on), last_activity_on, sensitive
    FROM rcm_analytics.claim_status WHERE patient_balance <> 0;

-- Monthly KPIs per tenant; months are business months (effective dates are in the tenant's time zone).
CREATE VIEW rcm_analytics.kpis_monthly WITH (security_invoker = true) AS
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
), months AS (
    SELECT tenant_id, month FROM activity UNION SELECT tenant_id, month FROM submitted
    UNION SELECT tenant_id, month FROM adjudicated
)
SELECT m.tenant_id, m.month,
       coalesce(a.charges, 0) AS charges,
       coalesce(a.insurance_paid, 0) + coalesce(a.patient_paid, 0) - coalesce(a.refunds, 0) AS payments,
       coalesce(a.adjustments, 0) AS adjustments,
       coalesce(a.write_offs, 0) AS write_offs,
       e.ending_ar, e.ar_over_90,
       e.trailing_90_charges,
       CASE WHEN e.trailing_90_charges > 0 THEN round(e.ending_ar * 90.0 / e.trailing_90_charges, 1) END AS days_in_ar,
       CASE WHEN e.ending_ar > 0 THEN round(100.0 * e.ar_over_90 / e.ending_ar, 1) END AS pct_ar_over_90,
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
CROSS JOIN LATERAL (
    SELECT coalesce(sum(x.charges - x.insurance_paid - x.patient_paid - x.adjustments - x.write_offs + x.refunds), 0)
               AS ending_ar,
           coalesce(sum(x.charges - x.insurance_paid - x.patient_paid - x.adjustments - x.write_offs + x.refunds)
               FILTER (WHERE x.service_date < (m.month + interval '1 month - 1 day')::date - 90), 0) AS ar_over_90,
           coalesce(sum(x.charges) FILTER (WHERE x.activity_date > (m.month + interval '1 month - 1 day')::date - 90), 0)
               AS trailing_90_charges
    FROM rcm_analytics.ar_activity x
    WHERE x.tenant_id = m.tenant_id AND x.activity_date < m.month + interval '1 month'
) e;

REVOKE ALL ON ALL TABLES IN SCHEMA rcm_analytics FROM PUBLIC;
GRANT USAGE ON SCHEMA rcm_analytics, rcm_analytics_store TO rcm_analyst, rcm_staff, rcm_auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA rcm_analytics TO rcm_analyst, rcm_staff, rcm_auditor;
GRANT EXECUTE ON FUNCTION rcm_analytics.aging_bucket(integer) TO rcm_analyst, rcm_staff, rcm_auditor;

-- Rebuild: make empty <table>_rebuild beside each table (dropping a failed attempt's), secured like the live one.
-- Owners only: a rebuild must see every tenant, or the switch would lose the rows it could not see.
CREATE FUNCTION rcm_analytics_store.begin_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_table text;
BEGIN
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
        RAISE EXCEPTION 'only an owner login may rebuild projections (a rebuild must see every tenant)'
            USING ERRCODE = '42501';
    END IF;
    FOREACH v_table IN ARRAY ARRAY['claim_status', 'denials', 'ar_activity', 'ar_open'] LOOP
        EXECUTE format('DROP TABLE IF EXISTS rcm_analytics_store.%I', v_table || '_rebuild');
        EXECUTE format('CREATE TABLE rcm_analytics_store.%I (LIKE rcm_analytics_store.%I INCLUDING ALL)',
                       v_table || '_rebuild', v_table);
        PERFORM rcm_analytics_store.secure(v_table || '_rebuild');
    END LOOP;
    DELETE FROM rcm.checkpoints WHERE consumer = 'claims.rebuild';
END
$$;

-- Switch: point the views at the rebuilt tables, drop the old ones, rename, and move the rebuild's
-- checkpoints to the live consumer, all in the caller's transaction.
CREATE FUNCTION rcm_analytics_store.finish_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_table text;
    v_index record;
BEGIN
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
        RAISE EXCEPTION 'only an owner login may rebuild projections' USING ERRCODE = '42501';
    END IF;
    -- Lock the live checkpoints first, in the order the runner takes them, then the tables.
    PERFORM 1 FROM rcm.checkpoints WHERE consumer = 'claims' ORDER BY tenant_id FOR UPDATE;
    FOREACH v_table IN ARRAY ARRAY['claim_status', 'denials', 'ar_activity', 'ar_open'] LOOP
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
REVOKE ALL ON FUNCTION rcm_analytics_store.begin_rebuild(), rcm_analytics_store.finish_rebuild() FROM PUBLIC;

-- The auditor's audit trail: every event as a readable row. Amounts are cents (bigint).
CREATE FUNCTION rcm.cents(p_amount text) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT (p_amount::numeric * 100)::bigint $$;

CREATE VIEW rcm.audit_trail WITH (security_invoker = true) AS
SELECT e.tenant_id, e.position, e.event_id, e.event_type, e.stream_id,
       e.metadata->>'actor' AS actor, e.db_user,
       e.effective_date, e.recorded_at,
       e.payload->>'claimID' AS claim_id,
       coalesce(e.payload->>'patientKey',
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
COMMENT ON VIEW rcm.audit_trail IS 'Every event as a readable row: who, what, when (effective and recorded), which claim, patient key and amount, from what source, why.';
REVOKE ALL ON rcm.audit_trail FROM PUBLIC;
GRANT SELECT ON rcm.audit_trail TO rcm_auditor;
GRANT EXECUTE ON FUNCTION rcm.cents(text) TO rcm_auditor, rcm_staff;
