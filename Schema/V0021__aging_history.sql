-- Aging as of a business date from a projection (issue 18 item 4, decision 0303): each claim's aging state (its
-- balance on each side, the payer and provider the report groups by, the dates each anchor ages from) over ranges
-- of business dates. Aging as of D reads the range of each claim that holds D instead of replaying the practice's
-- log. Folded by the projection runner with the other tables (live, rebuild and as-of replay: AgingHistoryProjection).
-- On Citus, DDL on distributed tables and new functions share one connection per node in this transaction.
SELECT set_config('citus.multi_shard_modify_mode', 'sequential', true) WHERE EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus');

-- The state holds on business dates valid_from <= D < valid_until ('infinity' while it still holds). No names: the
-- claim id, payer and provider ids, dates of service and business dates, amounts in cents.
CREATE TABLE rcm_analytics_store.aging_history (
    tenant_id          uuid   NOT NULL,
    claim_id           text   NOT NULL,
    valid_from         date   NOT NULL,
    valid_until        date   NOT NULL,
    payer_id           text   NOT NULL,
    rendering_provider text   NOT NULL,
    service_date       date   NOT NULL,
    created_on         date   NOT NULL,
    payer_submitted_on date,
    patient_billed_on  date,
    last_activity_on   date   NOT NULL,
    insurance_balance  bigint NOT NULL,
    patient_balance    bigint NOT NULL,
    PRIMARY KEY (tenant_id, claim_id, valid_from),
    CHECK (valid_from < valid_until)
);
-- Aging as of D: the ranges with a balance that end after D (few for a recent D), then those that began by D.
CREATE INDEX aging_history_open ON rcm_analytics_store.aging_history (tenant_id, valid_until, valid_from)
    WHERE insurance_balance <> 0 OR patient_balance <> 0;

-- Secured like the other projection tables (V0015, V0016): row-level security by practice without a subquery,
-- analysts and auditors read, staff insert and update every column but tenant_id (no DELETE: ranges are only split).
ALTER TABLE rcm_analytics_store.aging_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY by_tenant ON rcm_analytics_store.aging_history FOR ALL
    USING (tenant_id = ANY (rcm.accessible_tenants()))
    WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()));
REVOKE ALL ON rcm_analytics_store.aging_history FROM PUBLIC;
GRANT SELECT ON rcm_analytics_store.aging_history TO rcm_analyst, rcm_auditor;
GRANT SELECT, INSERT, UPDATE (claim_id, valid_from, valid_until, payer_id, rendering_provider, service_date, created_on,
    payer_submitted_on, patient_billed_on, last_activity_on, insurance_balance, patient_balance)
    ON rcm_analytics_store.aging_history TO rcm_staff;
SELECT rcm_schema.place('rcm_analytics_store.aging_history', 'distributed');

-- The analyst view (repointed by a rebuild's switch like the others).
CREATE VIEW rcm_analytics.aging_history WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.aging_history;
REVOKE ALL ON rcm_analytics.aging_history FROM PUBLIC;
GRANT SELECT ON rcm_analytics.aging_history TO rcm_analyst, rcm_staff, rcm_auditor;

-- The rebuild makes and switches it with the others: appended to the list as this migration finds it (another
-- migration may have appended a table of its own; ProjectionTables.baseNames lists the same).
DO $list$
DECLARE
    v_tables text[] := rcm_analytics_store.projection_tables();
BEGIN
    IF NOT 'aging_history' = ANY (v_tables) THEN
        EXECUTE format('CREATE OR REPLACE FUNCTION rcm_analytics_store.projection_tables() RETURNS text[] '
                       'LANGUAGE sql IMMUTABLE AS %L', format('SELECT %L::text[]', v_tables || 'aging_history'::text));
    END IF;
END
$list$;

-- The console's "failing the scrubber" queue: whether a claim's last scrub found errors (no correction since).
-- `scrub_failed` stays what it was, a scrub failure before the first submission (the clean-claim rate's input);
-- the queue read it, so a corrected claim failing its scrub never showed and a draft fixed by a later scrub stayed.
ALTER TABLE rcm_analytics_store.claim_status ADD COLUMN last_scrub_failed boolean NOT NULL DEFAULT false;
GRANT UPDATE (last_scrub_failed) ON rcm_analytics_store.claim_status TO rcm_staff;
CREATE OR REPLACE VIEW rcm_analytics.claim_status WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.claim_status;

-- Fill them: the claims consumer starts afresh (as V0006 did for its new tables), so the next catch-up replays every
-- practice's log into every table, aging_history and the new column included. A failed rebuild's tables go too.
DELETE FROM rcm.checkpoints WHERE consumer IN ('claims', 'claims.rebuild');
DO $reset$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY rcm_analytics_store.projection_tables() LOOP
        EXECUTE format('DELETE FROM rcm_analytics_store.%I', v_table);
        EXECUTE format('DROP TABLE IF EXISTS rcm_analytics_store.%I', v_table || '_rebuild');
    END LOOP;
END
$reset$;
