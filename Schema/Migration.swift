import Foundation

/// One embedded SQL migration: its version number, name and text.
public struct Migration: Sendable, Equatable {
    /// The number in the file name (`V0001__foundation.sql` → 1).
    public let version: Int
    /// The file name, e.g. `V0001__foundation.sql`.
    public let fileName: String
    /// The SQL text, as written in the file.
    public let sql: String
}
