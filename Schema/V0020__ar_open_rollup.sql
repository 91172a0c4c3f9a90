-- The aging and A/R reports' rollup (issue 19 item 3, decision 0304): the open balances of ar_open, for each aging
-- anchor, summed over aligned blocks of anchor dates of 1, 4, 16, 64 and 256 days. Aged to any day, a bucket's sum is
-- a difference of two suffix sums, and the sum of the dates from b on is at most three blocks of each grain below
-- the top one plus the top blocks after b: a practice's aging reads a few rows per (side, payer, provider) instead
-- of one per date of service. Folded by the projection runner with the other tables (live and rebuild; an as-of
-- replay scans its own tables instead). Analysts keep querying ar_open; this table is the reports' own.
-- On Citus, DDL on distributed tables and new functions share one connection per node in this transaction.
SELECT set_config('citus.multi_shard_modify_mode', 'sequential', true) WHERE EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus');

-- A row: the claims with an open balance on one side, to one payer, by one provider, whose anchor date falls in
-- [period_start, period_start + grain), period_start a multiple of grain days from 1970-01-01. No names: payer and
-- provider ids, dates, amounts in cents and counts.
CREATE TABLE rcm_analytics_store.ar_open_rollup (
    tenant_id          uuid    NOT NULL,
    anchor             text    NOT NULL CHECK (anchor IN ('service', 'submitted', 'activity')),
    grain              integer NOT NULL CHECK (grain IN (1, 4, 16, 64, 256)),
    period_start       date    NOT NULL,
    side               text    NOT NULL CHECK (side IN ('insurance', 'patient')),
    payer_id           text    NOT NULL,
    rendering_provider text    NOT NULL,
    open_amount        bigint  NOT NULL,
    credit_amount      bigint  NOT NULL,
    -- Claims with a balance on this side (the row is pruned at 0), and the same claims counted once across the two
    -- sides (on the insurance row when the claim has an insurance balance, else on the patient row): the A/R count.
    claims             bigint  NOT NULL,
    claims_once        bigint  NOT NULL,
    PRIMARY KEY (tenant_id, anchor, grain, period_start, side, payer_id, rendering_provider)
);

-- Secured like the other projection tables (V0015, V0016): row-level security by practice without a subquery,
-- analysts and auditors read, staff insert and update every column but tenant_id (the one DELETE goes through the
-- definer prune below).
ALTER TABLE rcm_analytics_store.ar_open_rollup ENABLE ROW LEVEL SECURITY;
CREATE POLICY by_tenant ON rcm_analytics_store.ar_open_rollup FOR ALL
    USING (tenant_id = ANY (rcm.accessible_tenants()))
    WITH CHECK (tenant_id = ANY (rcm.accessible_tenants()));
REVOKE ALL ON rcm_analytics_store.ar_open_rollup FROM PUBLIC;
GRANT SELECT ON rcm_analytics_store.ar_open_rollup TO rcm_analyst, rcm_auditor;
GRANT SELECT, INSERT, UPDATE (anchor, grain, period_start, side, payer_id, rendering_provider, open_amount, credit_amount,
    claims, claims_once) ON rcm_analytics_store.ar_open_rollup TO rcm_staff;
SELECT rcm_schema.place('rcm_analytics_store.ar_open_rollup', 'distributed');

-- The view the reports read (repointed by a rebuild's switch like the others).
CREATE VIEW rcm_analytics.ar_open_rollup WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.ar_open_rollup;
REVOKE ALL ON rcm_analytics.ar_open_rollup FROM PUBLIC;
GRANT SELECT ON rcm_analytics.ar_open_rollup TO rcm_analyst, rcm_staff, rcm_auditor;

-- Rows no claim is open in any more are deleted, as ar_open's are (prune_ar_open, V0016): through a definer
-- function (staff hold no DELETE), one tenant per call, delegated to the tenant's worker on Citus.
CREATE FUNCTION rcm_analytics_store.prune_ar_open_rollup(
    p_tenant uuid, p_anchors text[], p_grains integer[], p_starts date[], p_sides text[], p_payers text[], p_providers text[]
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_count bigint;
BEGIN
    IF NOT p_tenant = ANY (rcm.accessible_tenants()) THEN
        RETURN 0;
    END IF;
    DELETE FROM rcm_analytics_store.ar_open_rollup r
    WHERE r.tenant_id = p_tenant AND r.claims = 0
      AND (r.anchor, r.grain, r.period_start, r.side, r.payer_id, r.rendering_provider) IN (
          SELECT k.anchor, k.grain, k.period_start, k.side, k.payer_id, k.provider
          FROM unnest(p_anchors, p_grains, p_starts, p_sides, p_payers, p_providers)
              AS k (anchor, grain, period_start, side, payer_id, provider));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION rcm_analytics_store.prune_ar_open_rollup(uuid, text[], integer[], date[], text[], text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm_analytics_store.prune_ar_open_rollup(uuid, text[], integer[], date[], text[], text[], text[]) TO rcm_staff;
INSERT INTO rcm_schema.delegated_functions (signature)
VALUES ('rcm_analytics_store.prune_ar_open_rollup(uuid,text[],integer[],date[],text[],text[],text[])'::regprocedure::text);
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM create_distributed_function(
            'rcm_analytics_store.prune_ar_open_rollup(uuid,text[],integer[],date[],text[],text[],text[])'::regprocedure, 'p_tenant',
            colocate_with := 'rcm.events', force_delegation := true);
    END IF;
END
$citus$;

-- The rebuild makes and switches it with the others: appended to the list as this migration finds it (another
-- migration may have appended a table of its own; ProjectionTables.baseNames lists the same).
DO $list$
DECLARE
    v_tables text[] := rcm_analytics_store.projection_tables();
BEGIN
    IF NOT 'ar_open_rollup' = ANY (v_tables) THEN
        EXECUTE format('CREATE OR REPLACE FUNCTION rcm_analytics_store.projection_tables() RETURNS text[] '
                       'LANGUAGE sql IMMUTABLE AS %L', format('SELECT %L::text[]', v_tables || 'ar_open_rollup'::text));
    END IF;
END
$list$;

-- Fill it: the claims consumer starts afresh (as V0006 did for its new tables), so the next catch-up replays every
-- practice's log into every table, this one included. A failed rebuild's tables go too.
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
