import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Ready for Citus: the catalog follows design.md's scale-out rules")
struct CatalogTests {
    /// Small tables replicated on every node; they key on tenant_id alone or hold no tenant data.
    static let referenceTables: Set<String> = ["rcm.tenants"]

    @Test("every primary and unique key of a table with tenant data includes tenant_id, and the table has row-level security")
    func keysIncludeTenant() async throws {
        let database = try await TestDatabase.create("catalog")
        let connection = try await database.connect()
        let rows = try await connection.query(
            SQL(
                "catalog_keys",
                """
                SELECT n.nspname || '.' || c.relname AS table_name, i.relname AS index_name,
                       bool_or(a.attname = 'tenant_id') AS has_tenant, c.relrowsecurity AS rls
                FROM pg_index x
                JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_class i ON i.oid = x.indexrelid
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (x.indkey)
                WHERE (x.indisunique OR x.indisprimary) AND n.nspname LIKE 'rcm%' AND n.nspname <> 'rcm_schema'
                  AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
                GROUP BY 1, 2, 4 ORDER BY 1, 2
                """))
        #expect(rows.count > 5)
        for row in rows.rows {
            let table: String = try row.decode("table_name")
            if Self.referenceTables.contains(table) { continue }
            let index: String = try row.decode("index_name")
            #expect(try row.decode("has_tenant", as: Bool.self), "\(table): key \(index) lacks tenant_id")
            #expect(try row.decode("rls", as: Bool.self), "\(table) has no row-level security")
        }
        await database.drop()
    }

    @Test("no sequence or identity column orders events, and no trigger sends NOTIFY")
    func noSequencesNoNotifyTriggers() async throws {
        let database = try await TestDatabase.create("catalog_seq")
        let connection = try await database.connect()
        let sequences = try await connection.query(
            SQL(
                "catalog_sequences",
                """
                SELECT count(*) AS n FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
                WHERE n.nspname LIKE 'rcm%' AND c.relkind = 'r' AND a.attnum > 0
                  AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) ILIKE '%nextval%')
                """))
        #expect(try sequences.first!.decode("n", as: Int64.self) == 0)
        let notifying = try await connection.query(
            SQL(
                "catalog_notify_triggers",
                """
                SELECT count(*) AS n FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE NOT t.tgisinternal AND (p.prosrc ILIKE '%notify%')
                """))
        #expect(try notifying.first!.decode("n", as: Int64.self) == 0)
        await database.drop()
    }
}
