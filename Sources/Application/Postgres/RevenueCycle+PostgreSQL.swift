import Foundation
import Postgres

extension RevenueCycle {
    /// The core over PostgreSQL: `RCM_DATABASE_URL`, else libpq's `PG*` variables, else this checkout's cluster;
    /// PHI sealed under the operator's key ring (`KeyRing.load`: `RCM_KEK`, `RCM_KEK_FILE`, the checkout's
    /// `.rcm-kek`). A key that is configured but missing, truncated or malformed stops it here, before anything is done.
    public static func connect(
        environment: [String: String] = ProcessInfo.processInfo.environment, notes: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> RevenueCycle {
        let keys = try KeyRing.load(environment: environment)
        return RevenueCycle(backend: try await PostgresBackend.connect(DatabaseLocator.settings(environment: environment), wrapping: keys), notes: notes)
    }

    /// The core over PostgreSQL with explicit settings and key ring (by default the one `KeyRing.load` finds).
    public static func connect(
        settings: ConnectionSettings, wrapping: (any DataKeyWrapping)? = try? KeyRing.load(), notes: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> RevenueCycle {
        RevenueCycle(backend: try await PostgresBackend.connect(settings, wrapping: wrapping), notes: notes)
    }

    /// The PostgreSQL backend, for the operations that read PostgreSQL itself.
    var postgres: PostgresBackend {
        get throws {
            guard let backend = backend as? PostgresBackend else { throw CommandRejected("this needs the PostgreSQL record") }
            return backend
        }
    }
}
