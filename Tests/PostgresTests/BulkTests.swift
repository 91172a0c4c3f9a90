import Foundation
import Postgres
import Testing
import TestSupport

@Suite("COPY, pipelines and notifications")
struct BulkTests {
    @Test("COPY of 100,000 rows, then a count")
    func copyHundredThousandRows() async throws {
        let database = try await TestDatabase.create("copy", migrated: false)
        let connection = try await database.connect()
        let copied = try await connection.run { session -> Int in
            try session.executeScript("CREATE TABLE c (n int8, label text, note text)", name: "create")
            return try session.copyIn(SQL("copy_c", "COPY c (n, label, note) FROM STDIN")) { writer in
                for n in 0..<100_000 {
                    try writer.writeRow([String(n), "row\t\(n)\\x\n", n % 10 == 0 ? nil : "ok"])
                }
            }
        }
        #expect(copied == 100_000)
        let row = try await connection.query(
            SQL("count_c", "SELECT count(*) AS n, count(note) AS notes, max(label) FILTER (WHERE n = 7) AS seven FROM c")
        ).first!
        #expect(try row.decode("n", as: Int64.self) == 100_000)
        #expect(try row.decode("notes", as: Int64.self) == 90_000)
        #expect(try row.decode("seven", as: String.self) == "row\t7\\x\n")
        let bytes = try await connection.run { session in
            try session.copyOut(SQL("copy_out", "COPY c TO STDOUT")) { _ in }
        }
        #expect(bytes > 1_000_000)
        await database.drop()
    }

    @Test("a pipeline runs statements in order, and an error names its statement")
    func pipelineRunsInOrder() async throws {
        let database = try await TestDatabase.create("pipeline", migrated: false)
        let connection = try await database.connect()
        let insert = SQL("insert_p", "INSERT INTO p VALUES ($1) RETURNING v")
        let results = try await connection.run { session -> [Int] in
            try session.executeScript("CREATE TABLE p (v int PRIMARY KEY)", name: "create")
            let statements = (1...600).map { (insert, [$0.sqlParameter]) }
            return try session.pipeline(statements, chunk: 100).map { try $0.first!.decode("v", as: Int.self) }
        }
        #expect(results == Array(1...600))
        let error = await #expect(throws: PostgresError.self) {
            _ = try await connection.run { session in
                try session.pipeline([(insert, [601.sqlParameter]), (insert, [1.sqlParameter])])
            }
        }
        #expect(error?.sqlState == "23505")
        #expect(error?.statement == "insert_p")
        await database.drop()
    }

    @Test("a NOTIFY reaches a listener")
    func notifyReachesListener() async throws {
        let database = try await TestDatabase.create("notify", migrated: false)
        let listener = try await database.connect()
        let sender = try await database.connect()
        try await listener.run { try $0.listen("rcm_test_channel") }
        try await sender.run { try $0.notify("rcm_test_channel", payload: "tenant-7") }
        let received = try await listener.run { session -> [Postgres.Notification] in
            var notes: [Postgres.Notification] = []
            for _ in 0..<50 where notes.isEmpty { notes = try session.waitForNotifications(timeout: .milliseconds(100)) }
            return notes
        }
        #expect(received.map(\.channel) == ["rcm_test_channel"])
        #expect(received.map(\.payload) == ["tenant-7"])
        await database.drop()
    }

    @Test("the pool lends at most its maximum and queues the rest")
    func poolIsBounded() async throws {
        let database = try await TestDatabase.create("pool", migrated: false)
        let pool = ConnectionPool(settings: database.settings, maximum: 3)
        let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await pool.withConnection { connection in
                        try await connection.run { session in
                            try session.query(SQL("sleep", "SELECT pg_sleep(0.02)"))
                            return session.backendPID
                        }
                    }
                }
            }
            var pids = Set<Int32>()
            for try await pid in group { pids.insert(pid) }
            return pids
        }
        #expect(pids.count <= 3)
        pool.close()
        await database.drop()
    }
}
