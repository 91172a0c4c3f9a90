import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Transactions follow libpq's own state")
struct TransactionTests {
    struct Planned: Error {}

    static let insert = SQL("insert_t", "INSERT INTO t VALUES ($1)")
    static let values = SQL("values_t", "SELECT v FROM t ORDER BY v")

    static func values(_ session: DatabaseSession) throws -> [String] {
        try session.query(values).rows.map { try $0.decode("v", as: String.self) }
    }

    /// What a test saw on the connection's queue, checked afterwards on the test's own task.
    struct Seen: Sendable {
        var commitError: PostgresError?
        var idleAfterFailedCommit = false
        var nestedInTransaction = false
        var nestedThrew = false
        var outerOpenAfterNested = false
        var outerValuesAfterNested: [String] = []
        var idleAtEnd = false
        var values: [String] = []
    }

    @Test("after a COMMIT fails, the next transaction begins, nests with a savepoint, and the session stays usable")
    func failedCommitThenNesting() async throws {
        let database = try await TestDatabase.create("txn_commit", migrated: false)
        let connection = try await database.connect()
        let seen = try await connection.run { session -> Seen in
            var seen = Seen()
            try session.executeScript(
                "CREATE TABLE t (v text CONSTRAINT t_v_key UNIQUE DEFERRABLE INITIALLY DEFERRED)", name: "create")
            // The deferred constraint is checked at COMMIT, which fails and ends the transaction.
            do {
                try session.withTransaction { session in
                    try session.execute(Self.insert, ["dup"])
                    try session.execute(Self.insert, ["dup"])
                }
            } catch let error as PostgresError {
                seen.commitError = error
            }
            seen.idleAfterFailedCommit = !session.isInTransaction
            try session.withTransaction { session in
                try session.execute(Self.insert, ["a"])
                do {
                    try session.withTransaction { session in
                        seen.nestedInTransaction = session.isInTransaction
                        try session.execute(Self.insert, ["b"])
                        throw Planned()
                    }
                } catch is Planned {
                    seen.nestedThrew = true
                }
                seen.outerOpenAfterNested = session.isInTransaction
                seen.outerValuesAfterNested = try Self.values(session)
                try session.execute(Self.insert, ["c"])
            }
            seen.idleAtEnd = !session.isInTransaction
            seen.values = try Self.values(session)
            return seen
        }
        #expect(seen.commitError?.sqlState == "23505")
        #expect(seen.commitError?.statement == "commit")
        #expect(seen.idleAfterFailedCommit)
        #expect(seen.nestedInTransaction)
        #expect(seen.nestedThrew)
        // The inner rollback undid only "b": the outer transaction was still open and held "a".
        #expect(seen.outerOpenAfterNested)
        #expect(seen.outerValuesAfterNested == ["a"])
        #expect(seen.idleAtEnd)
        #expect(seen.values == ["a", "c"])
        await database.drop()
    }

    @Test("an outer transaction that throws after a nested one committed rolls back both")
    func outerRollbackUndoesNested() async throws {
        let database = try await TestDatabase.create("txn_outer", migrated: false)
        let connection = try await database.connect()
        let (threw, idle, values) = try await connection.run { session -> (Bool, Bool, [String]) in
            try session.executeScript("CREATE TABLE t (v text)", name: "create")
            var threw = false
            do {
                try session.withTransaction { session in
                    try session.execute(Self.insert, ["a"])
                    try session.withTransaction { session in _ = try session.execute(Self.insert, ["b"]) }
                    throw Planned()
                }
            } catch is Planned {
                threw = true
            }
            return (threw, !session.isInTransaction, try Self.values(session))
        }
        #expect(threw)
        #expect(idle)
        #expect(values.isEmpty)
        await database.drop()
    }

    @Test("a nested body that swallows a failed statement fails at RELEASE and leaves the outer transaction usable")
    func swallowedFailureInNestedBody() async throws {
        let database = try await TestDatabase.create("txn_release", migrated: false)
        let connection = try await database.connect()
        let (releaseState, values) = try await connection.run { session -> (String?, [String]) in
            try session.executeScript("CREATE TABLE t (v text)", name: "create")
            var releaseState: String?
            try session.withTransaction { session in
                try session.execute(Self.insert, ["a"])
                do {
                    try session.withTransaction { session in
                        try session.execute(Self.insert, ["b"])
                        _ = try? session.query(SQL("bad_cast", "SELECT $1::int AS n"), ["not a number"])
                    }
                } catch let error as PostgresError {
                    releaseState = error.sqlState
                }
                try session.execute(Self.insert, ["c"])
            }
            return (releaseState, try Self.values(session))
        }
        #expect(releaseState == "25P02")
        #expect(values == ["a", "c"])
        await database.drop()
    }
}
