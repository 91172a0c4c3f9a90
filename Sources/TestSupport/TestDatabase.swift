import Foundation
import Postgres
import Schema

/// A fresh database on the test cluster, migrated, for one test or suite.
///
/// The cluster comes from `RCM_TEST_ADMIN_URL` (set by `Scripts/test`), else `RCM_DATABASE_URL`, else
/// `Scripts/db url` of this checkout. When no server answers, creating one throws: integration tests fail,
/// they never skip.
public struct TestDatabase: Sendable {
    /// The settings of the new database, as the owner's login.
    public let settings: ConnectionSettings
    /// Its name.
    public let name: String
    /// The owner's settings on the maintenance database `rcm`, for CREATE/DROP DATABASE.
    public let admin: ConnectionSettings

    /// Creates `rcm_test_<prefix>_<random>` and applies every migration (unless `migrated` is false).
    /// `admin` names another cluster's owner settings (a `ThrowawayCluster`'s); by default the test cluster's.
    public static func create(_ prefix: String, migrated: Bool = true, admin: ConnectionSettings? = nil) async throws -> TestDatabase {
        let admin = try admin ?? adminSettings()
        let name = "rcm_test_\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        let connection = try await Connection.connect(admin)
        try await connection.run { session in
            try session.executeScript("CREATE DATABASE \(try session.quotedIdentifier(name)) OWNER rcm_owner", name: "create_test_db")
        }
        let database = TestDatabase(settings: admin.database(name), name: name, admin: admin)
        if migrated {
            let migrating = try await database.connect()
            _ = try await migrating.run { try Migrator().migrate($0) }
        }
        return database
    }

    /// A database that already exists on the cluster of `admin` (one restored from a backup, say).
    public static func existing(_ name: String, admin: ConnectionSettings) -> TestDatabase {
        TestDatabase(settings: admin.database(name), name: name, admin: admin)
    }

    /// A database that exists already (a Citus coordinator's, named by `RCM_CITUS_URL`): nothing is created,
    /// and `drop()` must not be called on it.
    public static func existing(_ settings: ConnectionSettings, name: String) -> TestDatabase {
        TestDatabase(settings: settings, name: name, admin: settings)
    }

    /// Opens a connection to the test database as the owner's login.
    public func connect() async throws -> Connection {
        try await Connection.connect(settings)
    }

    /// Opens a connection to the test database as another login.
    public func connect(as login: String) async throws -> Connection {
        try await Connection.connect(settings.login(login))
    }

    /// Drops the database (best effort).
    public func drop() async {
        guard let connection = try? await Connection.connect(admin) else { return }
        _ = try? await connection.run { session in
            try session.executeScript("DROP DATABASE IF EXISTS \(try session.quotedIdentifier(name)) WITH (FORCE)", name: "drop_test_db")
        }
    }

    /// The test cluster's owner URL.
    public static func adminSettings() throws -> ConnectionSettings {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["RCM_TEST_ADMIN_URL"] ?? environment["RCM_DATABASE_URL"], !url.isEmpty {
            return ConnectionSettings(conninfo: url)
        }
        let output = try Shell.run([Repository.root.appendingPathComponent("Scripts/db").path, "url"])
        return ConnectionSettings(conninfo: output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
