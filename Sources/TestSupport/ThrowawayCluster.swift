import Foundation
import Postgres

/// A PostgreSQL cluster beside the checkout's main one (`Scripts/db --throwaway NAME`): its own data dir,
/// port and socket, so a test may restart it, archive its WAL or recover it without disturbing other tests.
public struct ThrowawayCluster: Sendable {
    /// The name given to `Scripts/db --throwaway`.
    public let name: String

    /// Starts (initialising when new) the cluster `name`.
    public static func start(_ name: String) throws -> ThrowawayCluster {
        let cluster = ThrowawayCluster(name: name)
        try cluster.db(["start"])
        return cluster
    }

    /// A cluster by name, not started.
    public init(name: String) {
        self.name = name
    }

    /// Runs `Scripts/db --throwaway NAME arguments…`; throws when it fails; returns standard output, trimmed.
    @discardableResult
    public func db(_ arguments: [String]) throws -> String {
        let script = Repository.root.appendingPathComponent("Scripts/db").path
        let output = try Shell.run([script, "--throwaway", name] + arguments)
        return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The owner's settings on the maintenance database `rcm`.
    public func adminSettings() throws -> ConnectionSettings { ConnectionSettings(conninfo: try db(["url"])) }

    /// A fresh migrated database on this cluster.
    public func database(_ prefix: String) async throws -> TestDatabase {
        try await TestDatabase.create(prefix, admin: try adminSettings())
    }

    /// Fast shutdown (open sessions are cut, committed work stays).
    public func stop() throws { try db(["stop"]) }

    /// Starts it again.
    public func start() throws { try db(["start"]) }

    /// Stops and deletes its data and WAL archive.
    public func destroy() { _ = try? db(["destroy"]) }

    /// Runs SQL as the cluster's superuser on `database`; returns the unaligned output.
    @discardableResult
    public func superuserSQL(_ sql: String, database: String = "rcm") throws -> String {
        try db(["psql", "-d", database, "-v", "ON_ERROR_STOP=1", "-tAc", sql])
    }
}
