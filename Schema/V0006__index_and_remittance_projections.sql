-- The read models' index tables and the remittance analyst tables (docs/projections.md), written by the
-- same runner and checkpoint consumer (`claims`) as the claim tables, rebuilt and switched with them, under
-- the same row-level security and grants. The projection now decodes every event through the billing
-- codec, and this consumer folds more event types than before, so its tables are emptied and its
-- checkpoints removed: the next catch-up (or `rcm projections rebuild`) replays every log from zero.

-- One row per claim: its patient and primary payer, fixed at creation, in creation order.
CREATE TABLE rcm_analytics_store.claim_index (
    tenant_id     uuid   NOT NULL,
    claim_id      text   NOT NULL,
    claim_number  text   NOT NULL,
    patient_key   text   NOT NULL,
    payer_id      text   NOT NULL,
    created_on    date   NOT NULL,
    position      bigint NOT NULL,
    PRIMARY KEY (tenant_id, claim_id)
);
CREATE INDEX claim_index_order ON rcm_analytics_store.claim_index (tenant_id, position);
CREATE INDEX claim_index_patient ON rcm_analytics_store.claim_index (tenant_id, patient_key, position);
CREATE INDEX claim_index_payer ON rcm_analytics_store.claim_index (tenant_id, payer_id, position);

-- One row per session: its patient and date of service as last logged or corrected.
CREATE TABLE rcm_analytics_store.session_index (
    tenant_id        uuid    NOT NULL,
    session_id       text    NOT NULL,
    patient_key      text    NOT NULL,
    date_of_service  date    NOT NULL,
    voided           boolean NOT NULL,
    logged_on        date    NOT NULL,
    logged_position  bigint  NOT NULL,
    last_position    bigint  NOT NULL,
    PRIMARY KEY (tenant_id, session_id)
);
CREATE INDEX session_index_patient ON rcm_analytics_store.session_index
    (tenant_id, patient_key, date_of_service, logged_position);

-- One row per patient account, in opening order.
CREATE TABLE rcm_analytics_store.account_index (
    tenant_id    uuid   NOT NULL,
    patient_key  text   NOT NULL,
    opened_on    date   NOT NULL,
    position     bigint NOT NULL,
    PRIMARY KEY (tenant_id, patient_key)
);
CREATE INDEX account_index_order ON rcm_analytics_store.account_index (tenant_id, position);

-- One row per posted payment (an 835 transaction set's payment to one practice).
CREATE TABLE rcm_analytics_store.remittances (
    tenant_id                  uuid    NOT NULL,
    stream_id                  text    NOT NULL,
    payer_id                   text    NOT NULL,
    trace_number               text    NOT NULL,
    payment_date               date,
    received_on                date    NOT NULL,
    method                     text,
    payee                      text,
    amount                     bigint  NOT NULL,
    claims                     integer NOT NULL,
    claims_posted              integer NOT NULL,
    posted_amount              bigint  NOT NULL,
    unapplied_amount           bigint  NOT NULL,
    claim_payments             bigint  NOT NULL,
    plb_total                  bigint  NOT NULL,
    unapplied_open             bigint  NOT NULL,
    unapplied_held             bigint  NOT NULL,
    refunded                   bigint  NOT NULL,
    applied                    bigint  NOT NULL,
    state                      text    NOT NULL CHECK (state IN ('reconciled', 'unapplied', 'held')),
    reconciles                 boolean NOT NULL,
    balanced                   boolean NOT NULL,
    transaction_control_number text    NOT NULL,
    received_position          bigint  NOT NULL,
    last_activity_on           date    NOT NULL,
    last_position              bigint  NOT NULL,
    received                   jsonb   NOT NULL,
    PRIMARY KEY (tenant_id, stream_id)
);
CREATE INDEX remittances_order ON rcm_analytics_store.remittances (tenant_id, received_position);
CREATE INDEX remittances_trace ON rcm_analytics_store.remittances (tenant_id, trace_number);

-- One row per provider-level adjustment (PLB item), in file order.
CREATE TABLE rcm_analytics_store.remittance_plb (
    tenant_id           uuid    NOT NULL,
    stream_id           text    NOT NULL,
    seq                 integer NOT NULL,
    payer_id            text    NOT NULL,
    trace_number        text    NOT NULL,
    provider_id         text    NOT NULL,
    fiscal_period_date  date    NOT NULL,
    reason              text    NOT NULL,
    reference           text,
    amount              bigint  NOT NULL,
    kind                text    NOT NULL,
    claim_number        text,
    position            bigint  NOT NULL,
    PRIMARY KEY (tenant_id, stream_id, seq)
);

-- One row per unapplied item (a claim payment or service line kept unapplied), with what became of it.
CREATE TABLE rcm_analytics_store.remittance_unapplied (
    tenant_id               uuid    NOT NULL,
    stream_id               text    NOT NULL,
    item_id                 text    NOT NULL,
    seq                     integer NOT NULL,
    payer_id                text    NOT NULL,
    trace_number            text    NOT NULL,
    patient_control_number  text    NOT NULL,
    status_code             text    NOT NULL,
    payer_claim_number      text,
    line_control_number     text,
    procedure_code          text,
    charge                  bigint  NOT NULL,
    paid                    bigint  NOT NULL,
    reason                  text    NOT NULL,
    state                   text    NOT NULL CHECK (state IN ('open', 'held', 'applied', 'refunded')),
    note                    text,
    last_activity_on        date    NOT NULL,
    last_position           bigint  NOT NULL,
    PRIMARY KEY (tenant_id, stream_id, item_id)
);

SELECT rcm_analytics_store.secure('claim_index');
SELECT rcm_analytics_store.secure('session_index');
SELECT rcm_analytics_store.secure('account_index');
SELECT rcm_analytics_store.secure('remittances');
SELECT rcm_analytics_store.secure('remittance_plb');
SELECT rcm_analytics_store.secure('remittance_unapplied');

CREATE VIEW rcm_analytics.claim_index WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.claim_index;
CREATE VIEW rcm_analytics.session_index WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.session_index;
CREATE VIEW rcm_analytics.account_index WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.account_index;
CREATE VIEW rcm_analytics.remittances WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.remittances;
CREATE VIEW rcm_analytics.remittance_plb WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.remittance_plb;
CREATE VIEW rcm_analytics.remittance_unapplied WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.remittance_unapplied;
REVOKE ALL ON rcm_analytics.claim_index, rcm_analytics.session_index, rcm_analytics.account_index,
    rcm_analytics.remittances, rcm_analytics.remittance_plb, rcm_analytics.remittance_unapplied FROM PUBLIC;
GRANT SELECT ON rcm_analytics.claim_index, rcm_analytics.session_index, rcm_analytics.account_index,
    rcm_analytics.remittances, rcm_analytics.remittance_plb, rcm_analytics.remittance_unapplied
    TO rcm_analyst, rcm_staff, rcm_auditor;

-- Every table the runner writes, in the order a rebuild makes and switches them (ProjectionTables.baseNames).
CREATE FUNCTION rcm_analytics_store.projection_tables() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['claim_status', 'denials', 'ar_activity', 'ar_open', 'claim_index', 'session_index', 'account_index',
                 'remittances', 'remittance_plb', 'remittance_unapplied']
$$;

-- Rebuild and switch as before (0301), over every table.
CREATE OR REPLACE FUNCTION rcm_analytics_store.begin_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
DECLARE
    v_table text;
BEGIN
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
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
    IF NOT pg_has_role(session_user, 'rcm_owner', 'MEMBER') THEN
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
REVOKE ALL ON FUNCTION rcm_analytics_store.begin_rebuild(), rcm_analytics_store.finish_rebuild() FROM PUBLIC;

-- Start the consumer afresh: the claim tables were folded without the new tables, so all are replayed.
DELETE FROM rcm_analytics_store.claim_status;
DELETE FROM rcm_analytics_store.denials;
DELETE FROM rcm_analytics_store.ar_activity;
DELETE FROM rcm_analytics_store.ar_open;
DROP TABLE IF EXISTS rcm_analytics_store.claim_status_rebuild, rcm_analytics_store.denials_rebuild,
    rcm_analytics_store.ar_activity_rebuild, rcm_analytics_store.ar_open_rebuild;
DELETE FROM rcm.checkpoints WHERE consumer IN ('claims', 'claims.rebuild');
