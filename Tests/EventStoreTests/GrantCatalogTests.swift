import Foundation
import Postgres
import Testing
import TestSupport

/// What each group role may do, read from the catalog and compared with the list below, so that a new grant fails
/// here until a test covers it (issue 15, item 4). Where each line is exercised:
/// - staff's writes, the PHI functions, the prune and the missing UPDATE/DELETE/TRUNCATE: WritePathAttackTests;
/// - the append function and the log's SELECT: PrivilegeTests, AppendTests; record_access: WritePathAttackTests;
/// - the bulk import's append and identity read (V0023): BulkImportFunctionTests;
/// - the analysts' heads and checkpoints: the report's freshness check (CLITests.ProjectionFreshnessTests);
/// - the server's functions: ServerHTTPTests, SecondFactorTests, SealedTOTPTests (the company's data key, the sealed TOTP
///   functions, the data keys' policy function staff evaluate), WebhookDeliveryTests (the worker's list, the lag
///   metric); the analyst and auditor views: SecurityTests (CLI), AlertsAnalystTableTests;
/// - idempotency records (INSERT, column UPDATE, the release function): WritePathAttackTests and
///   ServerPracticeResourceTests; webhook tables (column grants, no secret read back): WebhookDeliveryTests;
/// - what main added since is held to the same rules: no DELETE, TRUNCATE or table-level UPDATE (noLockOnSharedTables).
@Suite("Group roles hold exactly the grants the tests cover")
struct GrantCatalogTests {
    static let catalogSQL = SQL(
        "grant_catalog",
        """
        WITH groups AS (SELECT oid, rolname FROM pg_roles WHERE rolname IN ('rcm_staff', 'rcm_auditor', 'rcm_analyst', 'rcm_server')),
        rels AS (
            SELECT c.oid, n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('rcm', 'rcm_phi', 'rcm_auth', 'rcm_analytics', 'rcm_analytics_store') AND c.relkind IN ('r', 'v', 'p', 'm', 'S')
        ),
        privs AS (SELECT unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p)
        SELECT g.rolname || ' ' || p.p || ' ' || r.name AS grant FROM groups g CROSS JOIN rels r CROSS JOIN privs p
        WHERE has_table_privilege(g.oid, r.oid, p.p)
        UNION ALL
        SELECT g.rolname || ' ' || c.p || '(' || CASE
                WHEN count(*) FILTER (WHERE has_column_privilege(g.oid, r.oid, a.attnum, c.p)) = count(*) - 1
                     AND NOT bool_or(has_column_privilege(g.oid, r.oid, a.attnum, c.p) AND a.attname = 'tenant_id')
                     AND bool_or(a.attname = 'tenant_id') THEN 'every column but tenant_id'
                ELSE string_agg(a.attname, ',' ORDER BY a.attname) FILTER (WHERE has_column_privilege(g.oid, r.oid, a.attnum, c.p)) END
            || ') ' || r.name
        FROM groups g CROSS JOIN rels r CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE')) AS c (p)
        JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE NOT has_table_privilege(g.oid, r.oid, c.p)
        GROUP BY g.rolname, r.name, g.oid, r.oid, c.p
        HAVING bool_or(has_column_privilege(g.oid, r.oid, a.attnum, c.p))
        UNION ALL
        SELECT g.rolname || ' EXECUTE ' || p.oid::regprocedure::text
        FROM groups g CROSS JOIN pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname IN ('rcm', 'rcm_phi', 'rcm_auth', 'rcm_analytics', 'rcm_analytics_store') AND has_function_privilege(g.oid, p.oid, 'EXECUTE')
        ORDER BY 1
        """)

    /// The projection tables (rcm_analytics_store) and the analyst views over them (rcm_analytics).
    static let storeTables = [
        "account_index", "aging_history", "ar_activity", "ar_open", "ar_open_rollup", "claim_index", "claim_status", "denials", "remittance_plb",
        "remittance_unapplied",
        "remittances", "session_index",
    ]
    static let analystViews = storeTables + ["ar_aging", "ar_balances", "kpis_monthly"]

    static let readers: [String] = ["rcm_analyst", "rcm_auditor", "rcm_staff"].flatMap { role in
        (analystViews + ["alerts"]).map { "\(role) SELECT rcm_analytics.\($0)" }
            + (storeTables + ["alerts"]).map { "\(role) SELECT rcm_analytics_store.\($0)" }
    }

    /// A webhook subscription's columns but its signing secret (shown once, at creation).
    static let subscriptionColumns = "attempts,created_at,cursor,deleted_at,event_types,first_failure_at,next_attempt_at,owner_role,subscription_id,tenant_id,url"

    static let staffProjectionWrites: [String] = storeTables.flatMap {
        ["rcm_staff INSERT rcm_analytics_store.\($0)", "rcm_staff UPDATE(every column but tenant_id) rcm_analytics_store.\($0)"]
    }

    static let expected: [String] = [
        "rcm_analyst EXECUTE rcm.accessible_tenants()",
        "rcm_analyst EXECUTE rcm.acting_role()",
        "rcm_analyst EXECUTE rcm.acts_in(text)",
        "rcm_analyst EXECUTE rcm.cents(text)",
        "rcm_analyst EXECUTE rcm.may_access(uuid)",
        "rcm_analyst EXECUTE rcm.partly_visible_logs()",
        "rcm_analyst EXECUTE rcm_analytics.aging_bucket(integer)",
        "rcm_analyst EXECUTE rcm_analytics_store.projection_tables()",
        "rcm_analyst SELECT rcm.checkpoints",
        "rcm_analyst SELECT rcm.log_heads",
        "rcm_analyst SELECT rcm.staff_assignments",
        "rcm_analyst SELECT rcm.tenants",
        "rcm_auditor EXECUTE rcm.accessible_tenants()",
        "rcm_auditor EXECUTE rcm.acting_role()",
        "rcm_auditor EXECUTE rcm.acts_in(text)",
        "rcm_auditor EXECUTE rcm.cents(text)",
        "rcm_auditor EXECUTE rcm.event_canonical_bytes(uuid,bigint,text,bigint,uuid,text,integer,jsonb,jsonb,date,timestamp with time zone,text)",
        "rcm_auditor EXECUTE rcm.may_access(uuid)",
        "rcm_auditor EXECUTE rcm.partly_visible_logs()",
        "rcm_auditor EXECUTE rcm.record_access(uuid,uuid,text,integer,jsonb,jsonb,date)",
        "rcm_auditor EXECUTE rcm.text_field(text)",
        "rcm_auditor EXECUTE rcm_analytics.aging_bucket(integer)",
        "rcm_auditor EXECUTE rcm_analytics_store.projection_tables()",
        "rcm_auditor SELECT rcm.audit_trail",
        "rcm_auditor SELECT rcm.checkpoints",
        "rcm_auditor SELECT rcm.events",
        "rcm_auditor SELECT rcm.idempotency_keys",
        "rcm_auditor SELECT rcm.log_heads",
        "rcm_auditor SELECT rcm.staff_assignments",
        "rcm_auditor SELECT rcm.tenants",
        "rcm_auditor SELECT rcm.webhook_attempts",
        "rcm_auditor SELECT rcm.webhook_dead_letters",
        "rcm_auditor SELECT(\(subscriptionColumns)) rcm.webhook_subscriptions",
        "rcm_server EXECUTE rcm.acting_role()",
        "rcm_server EXECUTE rcm.add_passkey(bytea,bytea,bytea,integer,bigint,text,boolean,uuid)",
        "rcm_server EXECUTE rcm.begin_passkey_ceremony(bytea,text,bytea)",
        "rcm_server EXECUTE rcm.passkey_for_sign_in(bytea,bytea)",
        "rcm_server EXECUTE rcm.prove_passkey(bytea,bytea,bigint,text,uuid)",
        "rcm_server EXECUTE rcm.remove_passkey(bytea,bytea,uuid)",
        "rcm_server EXECUTE rcm.session_passkeys(bytea)",
        "rcm_server EXECUTE rcm.take_passkey_challenge(bytea,text)",
        "rcm_server EXECUTE rcm.acts_in(text)",
        "rcm_server EXECUTE rcm.api_key_role(text,bytea)",
        "rcm_server EXECUTE rcm.add_company_data_key(bytea,text)",
        "rcm_server EXECUTE rcm.begin_totp_enrolment(bytea,text,bytea,bytea[])",
        "rcm_server EXECUTE rcm.company_data_key()",
        "rcm_server EXECUTE rcm.cents(text)",
        "rcm_server EXECUTE rcm.confirm_totp_enrolment(bytea,bigint,uuid,uuid)",
        "rcm_server EXECUTE rcm.projection_lag()",
        "rcm_server EXECUTE rcm.prove_second_factor(bytea,text,text,bytea,uuid)",
        "rcm_server EXECUTE rcm.prove_totp(bytea,bigint,uuid)",
        "rcm_server EXECUTE rcm.schema_version()",
        "rcm_server EXECUTE rcm.session_role(bytea)",
        "rcm_server EXECUTE rcm.sign_in(text,bytea,bytea,uuid,uuid,interval,interval)",
        "rcm_server EXECUTE rcm.sign_in_parameters(text)",
        "rcm_server EXECUTE rcm.sign_out(bytea)",
        "rcm_server EXECUTE rcm.totp_factor(bytea,text)",
        "rcm_server EXECUTE rcm.webhooks_due(integer)",
        "rcm_server EXECUTE rcm_analytics.aging_bucket(integer)",
        "rcm_server EXECUTE rcm_analytics_store.projection_tables()",
        "rcm_staff EXECUTE rcm.accessible_tenants()",
        "rcm_staff EXECUTE rcm.acting_role()",
        "rcm_staff EXECUTE rcm.acts_in(text)",
        "rcm_staff EXECUTE rcm.append_events(uuid,text[],bigint[],text[],uuid[],text[],integer[],jsonb[],jsonb[],date[],text)",
        "rcm_staff EXECUTE rcm.append_events_each(uuid,text[],uuid[],text[],integer[],jsonb[],jsonb[],date[],text[])",
        "rcm_staff EXECUTE rcm.cents(text)",
        "rcm_staff EXECUTE rcm.event_canonical_bytes(uuid,bigint,text,bigint,uuid,text,integer,jsonb,jsonb,date,timestamp with time zone,text)",
        "rcm_staff EXECUTE rcm.may_access(uuid)",
        "rcm_staff EXECUTE rcm.next_interchange_number(text)",
        "rcm_staff EXECUTE rcm.partly_visible_logs()",
        "rcm_staff EXECUTE rcm.record_access(uuid,uuid,text,integer,jsonb,jsonb,date)",
        "rcm_staff EXECUTE rcm.release_idempotency_key(uuid,text)",
        "rcm_staff EXECUTE rcm.text_field(text)",
        "rcm_staff EXECUTE rcm_analytics.aging_bucket(integer)",
        "rcm_staff EXECUTE rcm_analytics_store.projection_tables()",
        "rcm_staff EXECUTE rcm_analytics_store.prune_ar_open(uuid,text[],text[],text[],date[])",
        "rcm_staff EXECUTE rcm_analytics_store.prune_ar_open_rollup(uuid,text[],integer[],date[],text[],text[],text[])",
        "rcm_staff EXECUTE rcm_phi.data_key(uuid)",
        "rcm_staff EXECUTE rcm_phi.files_mentioning(uuid,text[],text)",
        "rcm_staff EXECUTE rcm_phi.forget_identity(uuid,text)",
        "rcm_staff EXECUTE rcm_phi.is_company(uuid)",
        "rcm_staff EXECUTE rcm_phi.patient_keys(uuid,text,boolean,text)",
        "rcm_staff EXECUTE rcm_phi.read_file(uuid,text,text)",
        "rcm_staff EXECUTE rcm_phi.read_identities(uuid,text[],text)",
        "rcm_staff EXECUTE rcm_phi.read_identity(uuid,text,text)",
        "rcm_staff EXECUTE rcm_phi.replace_redacted(uuid,text,bytea,text[])",
        "rcm_staff INSERT rcm.api_idempotency",
        "rcm_staff INSERT rcm.checkpoints",
        "rcm_staff INSERT rcm.webhook_attempts",
        "rcm_staff INSERT rcm.webhook_dead_letters",
        "rcm_staff INSERT(cursor,event_types,secret,subscription_id,tenant_id,url) rcm.webhook_subscriptions",
        "rcm_staff INSERT rcm_phi.data_keys",
        "rcm_staff INSERT rcm_phi.patient_identities",
        "rcm_staff INSERT rcm_phi.x12_files",
        "rcm_staff SELECT rcm.api_idempotency",
        "rcm_staff SELECT rcm.checkpoints",
        "rcm_staff SELECT rcm.events",
        "rcm_staff SELECT rcm.idempotency_keys",
        "rcm_staff SELECT rcm.log_heads",
        "rcm_staff SELECT rcm.staff_assignments",
        "rcm_staff SELECT rcm.tenants",
        "rcm_staff SELECT rcm.webhook_attempts",
        "rcm_staff SELECT rcm.webhook_dead_letters",
        "rcm_staff SELECT(\(subscriptionColumns)) rcm.webhook_subscriptions",
        "rcm_staff UPDATE(attempts,cursor,deleted_at,first_failure_at,next_attempt_at) rcm.webhook_subscriptions",
        "rcm_staff UPDATE(body,completed_at,content_type,created_at,status) rcm.api_idempotency",
        "rcm_staff UPDATE(parked_at,replayed_by,state) rcm.webhook_dead_letters",
        "rcm_staff UPDATE(position,updated_at) rcm.checkpoints",
    ] + readers + staffProjectionWrites

    @Test("the catalog's grants to rcm_staff, rcm_auditor, rcm_analyst and rcm_server are exactly the covered list")
    func grantsAreTheCoveredList() async throws {
        let database = try await TestDatabase.create("es_grants")
        let owner = try await database.connect()
        let granted = try await owner.query(Self.catalogSQL).rows.map { try $0.decode("grant", as: String.self) }
        let unexpected = Set(granted).subtracting(Self.expected).sorted()
        let missing = Set(Self.expected).subtracting(granted).sorted()
        #expect(unexpected.isEmpty, "granted but not covered by a test: \(unexpected)")
        #expect(missing.isEmpty, "expected but not granted: \(missing)")
        #expect(granted.count == Set(granted).count)
        // No group but the owner may DELETE, TRUNCATE or take a table-level UPDATE anywhere (no LOCK beyond ROW EXCLUSIVE).
        #expect(!granted.contains { $0.contains(" DELETE ") || $0.contains(" TRUNCATE ") || $0.contains(" UPDATE ") })
        await database.drop()
    }
}
