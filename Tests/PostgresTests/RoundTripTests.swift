import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Postgres over libpq, against the real cluster")
struct RoundTripTests {
    @Test("a value with quotes, backslashes, an injection attempt and non-ASCII text round-trips unchanged")
    func hostileTextRoundTrips() async throws {
        let database = try await TestDatabase.create("roundtrip", migrated: false)
        let connection = try await database.connect()
        let hostile = #"O'Brien "quoted" \back\slash '; DROP TABLE x; -- Zoë 漢字 🧠"#
        let echoed = try await connection.run { session -> String in
            try session.executeScript("CREATE TABLE x (v text)", name: "create")
            try session.execute(SQL("insert_x", "INSERT INTO x (v) VALUES ($1)"), [hostile])
            return try session.query(SQL("select_x", "SELECT v FROM x")).first!.decode("v")
        }
        #expect(echoed == hostile)
        let tables = try await connection.query(SQL("count_tables", "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'x'"))
        #expect(try tables.first!.decode("n", as: Int64.self) == 1)
        await database.drop()
    }

    @Test("typed decoding reads integers, booleans, times, dates, UUIDs, bytes and JSON, and NULL explicitly")
    func typedDecoding() async throws {
        let database = try await TestDatabase.create("types", migrated: false)
        let connection = try await database.connect()
        let id = UUID()
        let bytes = Data([0, 1, 2, 254, 255])
        let time = Date(timeIntervalSince1970: 1_780_000_000.123456)
        let row = try await connection.query(
            SQL(
                "typed",
                """
                SELECT $1::int4 AS i32, $2::int8 AS i64, $3::bool AS b, $4::timestamptz AS t, '2026-06-30'::date AS d,
                       $5::uuid AS u, $6::bytea AS bytes, $7::jsonb AS j, NULL::text AS nothing
                """), [Int32(-42), Int64.max, true, time, id, bytes, JSONText(#"{"b": 1, "a": [1, 2]}"#)]
        ).first!
        #expect(try row.decode("i32", as: Int32.self) == -42)
        #expect(try row.decode("i64", as: Int64.self) == Int64.max)
        #expect(try row.decode("b", as: Bool.self))
        #expect(PostgresTime.microseconds(of: try row.decode("t", as: Date.self)) == PostgresTime.microseconds(of: time))
        #expect(PostgresTime.text(for: try row.decode("d", as: Date.self)) == "2026-06-30T00:00:00.000000Z")
        #expect(try row.decode("u", as: UUID.self) == id)
        #expect(try row.decode("bytes", as: Data.self) == bytes)
        #expect(try row.decode("j", as: JSONText.self).text == #"{"a": [1, 2], "b": 1}"#)
        #expect(try row.decodeIfPresent("nothing", as: String.self) == nil)
        let nullError = #expect(throws: PostgresError.self) { try row.decode("nothing", as: String.self) }
        #expect(nullError?.column == "nothing")
        let mismatch = #expect(throws: PostgresError.self) { try row.decode("j", as: Int64.self) }
        #expect(mismatch?.description.contains("column j") == true)
        await database.drop()
    }

    @Test("a transaction that throws leaves nothing behind")
    func failedTransactionRollsBack() async throws {
        let database = try await TestDatabase.create("rollback", migrated: false)
        let connection = try await database.connect()
        try await connection.run { try $0.executeScript("CREATE TABLE t (v int)", name: "create") }
        struct Planned: Error {}
        await #expect(throws: Planned.self) {
            try await connection.withTransaction { session in
                try session.execute(SQL("insert_t", "INSERT INTO t VALUES ($1)"), [1])
                throw Planned()
            }
        }
        try await connection.withTransaction(.serializable) { session in
            try session.execute(SQL("insert_t", "INSERT INTO t VALUES ($1)"), [2])
        }
        let values = try await connection.query(SQL("all_t", "SELECT v FROM t")).rows.map { try $0.decode("v", as: Int.self) }
        #expect(values == [2])
        await database.drop()
    }

    @Test("a unique violation surfaces as a typed error with SQLSTATE 23505 and no value in its description")
    func uniqueViolation() async throws {
        let database = try await TestDatabase.create("unique", migrated: false)
        let connection = try await database.connect()
        try await connection.run { try $0.executeScript("CREATE TABLE u (v text CONSTRAINT u_v_key UNIQUE)", name: "create") }
        let insert = SQL("insert_u", "INSERT INTO u VALUES ($1)")
        _ = try await connection.query(insert, ["Jane Secretname"])
        let error = await #expect(throws: PostgresError.self) { _ = try await connection.query(insert, ["Jane Secretname"]) }
        #expect(error?.sqlState == "23505")
        #expect(error?.isUniqueViolation == true)
        #expect(error?.statement == "insert_u")
        #expect(error?.constraint == "u_v_key")
        #expect(error?.description.contains("Secretname") == false)
        #expect(error?.debugDescription.contains("Secretname") == true)
        await database.drop()
    }

    @Test("a data exception's description does not echo the bad input")
    func dataExceptionIsRedacted() async throws {
        let database = try await TestDatabase.create("redact", migrated: false)
        let connection = try await database.connect()
        let error = await #expect(throws: PostgresError.self) {
            _ = try await connection.query(SQL("cast_int", "SELECT $1::int AS n"), ["Jane-Doe-1980"])
        }
        #expect(error?.sqlState == "22P02")
        #expect(error?.description.contains("Jane") == false)
        await database.drop()
    }
}
