import EventStore
import Foundation
import Postgres

/// Decides a command again when its append lost a race.
///
/// A command folds the streams it touches, decides, and appends with the versions it folded as the expected
/// versions. When another command appended to one of those streams first, the append fails with
/// `EventStoreError.wrongExpectedVersion` and nothing is written; the whole unit of work (read, decide,
/// append) then runs again in a new transaction against the new state, after a short random pause, up to
/// `attempts` times. A command the new state refuses fails with that refusal; one that keeps losing fails
/// with a sentence that says so. Serialization failures and deadlocks (40001, 40P01) are retried the same way.
///
/// A retry first takes the tenant's retry turn (`StoreTransaction.takeRetryTurn`, a transaction-scoped
/// advisory lock in PostgreSQL): retried commands of one tenant run one after the other, so under heavy
/// contention they lose only to first attempts that commit in their few milliseconds, not to each other.
struct ConflictRetry: Sendable {
    /// Attempts in all, the first included.
    var attempts = 8
    /// The longest pause before the first retry, in milliseconds; later retries wait up to twice as long each time.
    var pauseMilliseconds = 20

    /// Runs `body` (given the attempt's number, from 1) until it commits, a non-conflict error, or `attempts` conflicts.
    func run<T: Sendable>(_ body: (Int) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body(attempt)
            } catch where Self.isConflict(error) {
                guard attempt < attempts else { throw ConflictPersisted(attempts: attempts, last: error) }
                let ceiling = UInt64(pauseMilliseconds) << UInt64(attempt - 1)
                try await Task.sleep(nanoseconds: UInt64.random(in: 1...max(1, ceiling)) * 1_000_000)
                attempt += 1
            }
        }
    }

    /// True for a lost race: a stream moved on, or PostgreSQL could not serialize the transaction.
    static func isConflict(_ error: any Error) -> Bool {
        if case EventStoreError.wrongExpectedVersion = error { return true }
        if let error = error as? PostgresError { return error.isRetryable }
        return false
    }
}

/// A command lost the race for its streams every time it was decided again; nothing was written.
public struct ConflictPersisted: Error, Sendable, CustomStringConvertible {
    /// How many times the command was decided.
    public let attempts: Int
    /// The last conflict (names the stream and versions; no PHI).
    public let last: any Error

    /// A sentence for a person.
    public var description: String {
        "other commands changed the same record \(attempts) times while this one was decided; nothing was written, run it again (\(last))"
    }
}
