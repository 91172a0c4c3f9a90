import Foundation
import Postgres

/// Finds the database to use: `RCM_DATABASE_URL`, else libpq's `PG*` variables, else the local cluster
/// that `Scripts/db` runs for the checkout the current directory is in.
public enum DatabaseLocator {
    public static func settings(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionSettings {
        if let url = environment["RCM_DATABASE_URL"], !url.isEmpty { return ConnectionSettings(conninfo: url) }
        if environment.keys.contains(where: { ["PGHOST", "PGDATABASE", "PGUSER", "PGSERVICE", "PGPORT"].contains($0) }) {
            return ConnectionSettings(conninfo: "")
        }
        if let local = localCluster() { return local }
        return ConnectionSettings(conninfo: "")
    }

    /// The owner's URL of the checkout's local cluster, read from `.pgdata/rcm-port`.
    private static func localCluster() -> ConnectionSettings? {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<12 {
            let portFile = directory.appendingPathComponent(".pgdata/rcm-port")
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                let path = directory.resolvingSymlinksInPath().path
                let key = SHA256Hex.of(Array(path.utf8)).prefix(12)
                return ConnectionSettings(conninfo: "postgresql://rcm_admin@/rcm?host=/tmp/rcm-pg-\(key)&port=\(port)")
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }
}
