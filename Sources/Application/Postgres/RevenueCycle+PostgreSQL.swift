import Foundation
import Postgres

extension RevenueCycle {
    /// The core over PostgreSQL: `RCM_DATABASE_URL`, else libpq's `PG*` variables, else this checkout's cluster.
    public static func connect(
        environment: [String: String] = ProcessInfo.processInfo.environment, notes: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> RevenueCycle {
        RevenueCycle(backend: try await PostgresBackend.connect(DatabaseLocator.settings(environment: environment)), notes: notes)
    }

    /// The core over PostgreSQL with explicit settings.
    public static func connect(settings: ConnectionSettings, notes: @escaping @Sendable (String) -> Void = { _ in }) async throws -> RevenueCycle {
        RevenueCycle(backend: try await PostgresBackend.connect(settings), notes: notes)
    }

    /// The PostgreSQL backend, for the operations that read PostgreSQL itself.
    var postgres: PostgresBackend {
        get throws {
            guard let backend = backend as? PostgresBackend else { throw CommandRejected("this needs the PostgreSQL record") }
            return backend
        }
    }
}
