import Foundation
import Postgres

/// How a front end should answer an error of the core: the command line's exit code, the server's status.
public struct Failure: Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable {
        /// The input or the state refused the command (exit 1, a 4xx): nothing was written.
        case rejected
        /// The record could not be reached (exit 69, a 503).
        case unavailable
    }

    /// The kind.
    public let kind: Kind
    /// The sentence for a person, without PHI.
    public let description: String

    /// Classifies any error thrown by the core.
    public init(_ error: any Error) {
        if let error = error as? PostgresError {
            kind = error.kind == .connection ? .unavailable : .rejected
            description = error.description
        } else {
            kind = .rejected
            description = String(describing: error)
        }
    }
}
