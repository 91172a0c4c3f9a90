import Foundation
import TestSupport

/// A test database on a throwaway cluster (`Scripts/db --throwaway`), with the seeded practice of
/// `CLI.seedPractice`: the cluster may be stopped and started under the binary without touching other tests.
struct RestartScene {
    let cluster: ThrowawayCluster
    let cli: CLI
    let patientKey: String

    static func make(_ name: String) async throws -> RestartScene {
        let cluster = try ThrowawayCluster.start(name)
        let cli = CLI(database: try await cluster.database(name.replacingOccurrences(of: "-", with: "_")))
        return RestartScene(cluster: cluster, cli: cli, patientKey: try cli.seedPractice())
    }

    /// One number from SQL run as the cluster's superuser on the test database (RLS does not hide rows).
    func number(_ sql: String) throws -> Int64 {
        let text = try cluster.superuserSQL(sql, database: cli.database.name)
        guard let value = Int64(text) else { throw Shell.StartFailureLike("not a number from \(sql): \(text)") }
        return value
    }

    /// Events after the projection's checkpoint, every tenant together (0: the projections have caught up).
    func projectionLag() throws -> Int64 {
        try number(
            """
            SELECT count(*) FROM rcm.events e
            WHERE e.position > coalesce((SELECT c.position FROM rcm.checkpoints c WHERE c.consumer = 'claims' AND c.tenant_id = e.tenant_id), 0)
            """)
    }

    /// Each live projection table's row count and digest, as one text: equal texts, equal tables.
    func projectionDigest() throws -> String {
        let tables = [
            "claim_status", "denials", "ar_activity", "ar_open", "claim_index", "session_index", "account_index",
            "remittances", "remittance_plb", "remittance_unapplied", "ar_open_rollup", "aging_history",
        ]
        return try tables.map { table in
            let sql = "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM rcm_analytics_store.\(table) t"
            return "\(table)=" + (try cluster.superuserSQL(sql, database: cli.database.name))
        }.joined(separator: " ")
    }

    /// A CSV for `rcm session import` with `count` sessions of the seeded patient.
    func sessionsCSV(count: Int, prefix: String) throws -> String {
        var lines = ["session_id,patient_key,date_of_service,rendering,supervising,place_of_service,telehealth,minutes,diagnoses,services"]
        for index in 0..<count {
            lines.append("\(prefix)-\(index),\(patientKey),\(CLI.daysAgo(3 + index % 60)),dr-lee,,11,,55,F33.1,90837=150.00")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(cli.database.name)-\(prefix).csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Waits up to `seconds` for `condition` (errors count as false: the database may be down).
    static func waitUntil(_ seconds: Double, _ condition: () throws -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? condition()) == true { return true }
            usleep(100_000)
        }
        return false
    }

    func finish() {
        cluster.destroy()
    }
}
