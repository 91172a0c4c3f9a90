import EventStore
import Foundation
import Postgres

extension ProjectionRunner {
    /// Follows the log like `follow(_:pollInterval:onApplied:)`, over a connection of its own that it replaces
    /// when the database goes away (a restart, a failover, a dropped connection): it reports the interruption
    /// once, tries to connect again every `retryInterval`, and resumes from the stored checkpoints. A batch cut
    /// off by the restart was rolled back with its checkpoint, so it is applied again, once: no gap, no double
    /// count. Errors other than a lost connection end the follow. Returns when the task is cancelled.
    public func follow(
        settings: ConnectionSettings, pollInterval: Duration = .seconds(5), retryInterval: Duration = .milliseconds(500),
        onApplied: (@Sendable (Int) -> Void)? = nil, onInterruption: (@Sendable (String) -> Void)? = nil
    ) async throws {
        var interrupted = false
        while !Task.isCancelled {
            do {
                let connection = try await Connection.connect(settings)
                if interrupted { onInterruption?("reconnected; resuming from the checkpoints") }
                interrupted = false
                try await follow(connection, pollInterval: pollInterval, onApplied: onApplied)
                return
            } catch let error as PostgresError where error.kind == .connection {
                if !interrupted { onInterruption?("the database went away (\(error)); reconnecting") }
                interrupted = true
                try await Task.sleep(for: retryInterval)
            }
        }
    }
}
