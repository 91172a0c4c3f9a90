import Foundation
import Postgres
import Testing
import TestSupport

/// What Citus refuses, checked on a single PostgreSQL from the catalog (no Citus needed): a schema that passes
/// these distributes with V0017's block. Each query names the offenders, so a failure says what to fix.
@Suite("Ready for Citus: nothing in the schema that Citus refuses")
struct CitusReadinessTests {
    /// Rows of a one-column text query.
    static func names(_ sql: String, _ name: String, in connection: Connection) async throws -> [String] {
        try await connection.query(SQL(name, sql)).rows.map { try $0.decode("name") }
    }

    /// Tables of the product's schemas with their placement on Citus (nil: none declared).
    static func placements(in connection: Connection) async throws -> [String: String?] {
        let rows = try await connection.query(
            SQL(
                "citus_placements",
                """
                SELECT n.nspname || '.' || c.relname AS name, p.placement
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN rcm_schema.placement p ON p.table_name = n.nspname || '.' || c.relname
                WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE 'rcm%'
                """)).rows
        var result: [String: String?] = [:]
        for row in rows { result[try row.decode("name")] = try row.decodeIfPresent("placement", as: String.self) }
        return result
    }

    @Test("every table has a placement; tables without tenant_id are reference or coordinator tables")
    func everyTablePlaced() async throws {
        let database = try await TestDatabase.create("citus_place")
        let connection = try await database.connect()
        let placements = try await Self.placements(in: connection)
        #expect(placements.count > 20)
        for (table, placement) in placements.sorted(by: { $0.key < $1.key }) {
            #expect(placement != nil, "\(table) has no row in rcm_schema.placement: say where Citus puts it")
        }
        let untenanted = try await Self.names(
            """
            SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname LIKE 'rcm%'
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            """, "citus_untenanted", in: connection)
        #expect(!untenanted.isEmpty)
        for table in untenanted {
            #expect(placements[table] != .some("distributed"), "\(table) has no tenant_id and cannot be distributed by it")
        }
        await database.drop()
    }

    @Test("no policy holds a subquery, also on the tables a rebuild creates")
    func noSubqueriesInPolicies() async throws {
        let database = try await TestDatabase.create("citus_policies")
        let connection = try await database.connect()
        let query = """
            SELECT polrelid::regclass::text || ' ' || polname AS name FROM pg_policy
            WHERE polqual::text LIKE '%SUBLINK%' OR polwithcheck::text LIKE '%SUBLINK%'
            """
        let policies = try await Self.names("SELECT count(*)::text AS name FROM pg_policy", "citus_policy_count", in: connection)
        #expect(Int(policies.first ?? "0") ?? 0 > 10)
        #expect(try await Self.names(query, "citus_subquery_policies", in: connection) == [])
        _ = try await connection.query(SQL("citus_begin_rebuild", "SELECT rcm_analytics_store.begin_rebuild()"))
        let rebuilt = try await Self.names(
            "SELECT polrelid::regclass::text AS name FROM pg_policy WHERE polrelid::regclass::text LIKE '%_rebuild'",
            "citus_rebuild_policies", in: connection)
        #expect(rebuilt.count >= 10, "a rebuild table carries its live table's policy")
        #expect(try await Self.names(query, "citus_subquery_policies_rebuild", in: connection) == [])
        await database.drop()
    }

    @Test("no trigger on a distributed or reference table (Citus needs citus.enable_unsafe_triggers for any)")
    func noUnsafeTriggers() async throws {
        let database = try await TestDatabase.create("citus_triggers")
        let connection = try await database.connect()
        let triggers = try await Self.names(
            """
            SELECT p.table_name || ' ' || t.tgname AS name FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN rcm_schema.placement p ON p.table_name = n.nspname || '.' || c.relname
            WHERE NOT t.tgisinternal AND p.placement IN ('distributed', 'reference')
            """, "citus_triggers", in: connection)
        #expect(triggers == [])
        await database.drop()
    }

    @Test("tables the policies' functions read are reference tables (a distributed one fails on the workers)")
    func policyFunctionsReadReferenceTables() async throws {
        let database = try await TestDatabase.create("citus_reference")
        let connection = try await database.connect()
        let sources = try await Self.names(
            """
            SELECT DISTINCT p.prosrc AS name FROM pg_policy o
            JOIN pg_depend d ON d.classid = 'pg_policy'::regclass AND d.objid = o.oid AND d.refclassid = 'pg_proc'::regclass
            JOIN pg_proc p ON p.oid = d.refobjid
            """, "citus_policy_functions", in: connection)
        #expect(!sources.isEmpty)
        let placements = try await Self.placements(in: connection)
        var read: Set<String> = []
        for (table, _) in placements {
            let bare = String(table.split(separator: ".").last!)
            if sources.contains(where: { $0.range(of: "\\b\(bare)\\b", options: .regularExpression) != nil }) { read.insert(table) }
        }
        #expect(read.contains("rcm.staff_assignments"))
        for table in read.sorted() {
            #expect(placements[table] == .some("reference"), "\(table) is read by a policy's function; make it a reference table")
        }
        await database.drop()
    }

    @Test("views read only tables Citus knows (distributed or reference)")
    func viewsOverPlacedTables() async throws {
        let database = try await TestDatabase.create("citus_views")
        let connection = try await database.connect()
        let dependencies = try await connection.query(
            SQL(
                "citus_view_dependencies",
                """
                SELECT DISTINCT vn.nspname || '.' || v.relname AS view_name, tn.nspname || '.' || t.relname AS table_name
                FROM pg_class v JOIN pg_namespace vn ON vn.oid = v.relnamespace
                JOIN pg_rewrite r ON r.ev_class = v.oid
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
                JOIN pg_class t ON t.oid = d.refobjid AND t.relkind IN ('r', 'p')
                JOIN pg_namespace tn ON tn.oid = t.relnamespace
                WHERE v.relkind = 'v' AND vn.nspname LIKE 'rcm%'
                """)).rows
        #expect(dependencies.count > 10)
        let placements = try await Self.placements(in: connection)
        for row in dependencies {
            let view: String = try row.decode("view_name")
            let table: String = try row.decode("table_name")
            let placement = placements[table] ?? nil
            #expect(placement == "distributed" || placement == "reference", "view \(view) reads \(table), which Citus does not know")
        }
        await database.drop()
    }

    @Test("no UPDATE, DELETE or upsert of a distributed or reference table calls a volatile function, no INSERT into one has a subquery in VALUES, in the schema's functions or the Swift sources")
    func noVolatileFunctionsInModifications() async throws {
        let database = try await TestDatabase.create("citus_volatile")
        let connection = try await database.connect()
        let volatile = Set(
            try await Self.names(
                """
                SELECT DISTINCT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE p.provolatile = 'v' AND p.prorettype <> 'trigger'::regtype AND (n.nspname = 'pg_catalog' OR n.nspname LIKE 'rcm%')
                """, "citus_volatile_functions", in: connection))
        #expect(volatile.contains("clock_timestamp") && !volatile.contains("now"))
        // Citus refuses a volatile call anywhere in a modification of a distributed or a reference table (SET, WHERE,
        // an upsert's DO UPDATE): the rcm_auth tables are reference tables.
        let placed = try await Self.placements(in: connection).filter { $0.value == "distributed" || $0.value == "reference" }.keys
        let bareNames = Set(placed.map { String($0.split(separator: ".").last!) })
        #expect(bareNames.contains("sessions") && bareNames.contains("events"))
        var texts = try await Self.names(
            "SELECT p.prosrc AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname LIKE 'rcm%'",
            "citus_function_sources", in: connection
        ).map { ("a function of the schema", $0) }
        let sources = Repository.root.appendingPathComponent("Sources")
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where file.pathExtension == "swift" {
            texts.append((file.lastPathComponent, try String(contentsOf: file, encoding: .utf8)))
        }
        // The statement from its verb to its end (`;`, the end of a Swift string, or of the text); comments dropped.
        let modification = try Regex(
            #"(?is)\b(?:UPDATE\s+(?:ONLY\s+)?(?:[a-z_]+\.)?([a-z_]+)|DELETE\s+FROM\s+(?:ONLY\s+)?(?:[a-z_]+\.)?([a-z_]+)|INSERT\s+INTO\s+(?:[a-z_]+\.)?([a-z_]+)\b[^;"]*?\bON\s+CONFLICT\b[^;"]*?\bDO\s+UPDATE)\b(.*?)(?:;|"|$)"#)
        let comment = try Regex(#"(?m)(?:--|//)[^\n]*"#)
        let call = try Regex(#"(?i)\b([a-z_]+)\s*\("#)
        var checked = 0
        for (origin, text) in texts {
            for match in text.replacing(comment, with: "").matches(of: modification) {
                guard let table = (match.output[1].substring ?? match.output[2].substring ?? match.output[3].substring).map(String.init),
                    bareNames.contains(table.lowercased()), let statement = match.output[4].substring
                else { continue }
                checked += 1
                for function in statement.matches(of: call) {
                    let name = String(function.output[1].substring ?? "").lowercased()
                    #expect(!volatile.contains(name), "\(origin): a modification of \(table) calls \(name)(), which is VOLATILE; Citus refuses it")
                }
            }
        }
        #expect(checked >= 20, "the scan found the modifications of distributed and reference tables")
        // Nor a subquery in an INSERT's VALUES into one ("subqueries are not supported within INSERT queries").
        let insert = try Regex(#"(?is)\bINSERT\s+INTO\s+(?:[a-z_]+\.)?([a-z_]+)\b[^;"]*?\bVALUES\b(.*?)(?:\bON\s+CONFLICT\b|;|"|$)"#)
        let subquery = try Regex(#"(?i)\(\s*SELECT\b"#)
        var inserts = 0
        for (origin, text) in texts {
            for match in text.replacing(comment, with: "").matches(of: insert) {
                guard let table = match.output[1].substring.map(String.init), bareNames.contains(table.lowercased()),
                    let values = match.output[2].substring
                else { continue }
                inserts += 1
                #expect(values.firstMatch(of: subquery) == nil, "\(origin): an INSERT into \(table) has a subquery in its VALUES; Citus refuses it")
            }
        }
        #expect(inserts >= 10, "the scan found the INSERTs into distributed and reference tables")
        await database.drop()
    }

    @Test("no SQL-language function reads a distributed table with its parameters (Citus cannot plan it: 0A000)")
    func noParameterisedSQLFunctionsOnDistributedTables() async throws {
        let database = try await TestDatabase.create("citus_sql_functions")
        let connection = try await database.connect()
        let distributed = try await Self.placements(in: connection).filter { $0.value == "distributed" }.keys
        let bareNames = distributed.map { String($0.split(separator: ".").last!) }
        let functions = try await connection.query(
            SQL(
                "citus_sql_functions",
                """
                SELECT n.nspname || '.' || p.proname AS name, p.prosrc AS source FROM pg_proc p
                JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
                WHERE n.nspname LIKE 'rcm%' AND l.lanname = 'sql' AND p.pronargs > 0
                """)).rows
        #expect(functions.count > 5)
        for row in functions {
            let name: String = try row.decode("name")
            let source: String = try row.decode("source")
            for table in bareNames where source.range(of: "\\b\(table)\\b", options: .regularExpression) != nil {
                Issue.record("\(name) is LANGUAGE sql, takes parameters and reads \(table): make it plpgsql")
            }
        }
        await database.drop()
    }
}
