import Foundation
import Postgres

/// The company's idle timeout for signed-in sessions (issue #18, decision 0012; Schema/V0017__console_sessions_and_idle_policy.sql):
/// every session, console cookie or bearer token, takes it when opened, and setting it applies it to the open
/// ones at once; the database refuses a session idle longer (the server answers 401).
extension RevenueCycle {
    /// The shortest and longest idle timeout an owner may set, in seconds.
    public static let idleTimeoutRange = 1...86_400

    /// Sets how long a signed-in session may sit unused (an owner's administration;
    /// `identity.session_policy_set`). Returns how many open sessions now have it.
    @discardableResult
    public func setSessionIdleTimeout(seconds: Int) async throws -> Int {
        guard Self.idleTimeoutRange.contains(seconds) else {
            throw CommandRejected("the idle timeout is 1 second to 24 hours (86,400 seconds); \(seconds) is outside it")
        }
        return try await postgres.withTransaction { session in
            try session.query(PostgresSessionPolicy.setSQL, [seconds, UUID()]).first!.decode("open")
        }
    }

    /// The company's idle timeout, in seconds.
    public func sessionIdleTimeout() async throws -> Int {
        try await postgres.withTransaction { try $0.query(PostgresSessionPolicy.showSQL).first!.decode("idle_seconds") }
    }
}

/// The session policy's SQL functions.
enum PostgresSessionPolicy {
    static let setSQL = SQL("session_policy_set", "SELECT rcm.set_session_policy($1::integer, $2) AS open")
    static let showSQL = SQL("session_policy_show", "SELECT rcm.session_policy() AS idle_seconds")
}
