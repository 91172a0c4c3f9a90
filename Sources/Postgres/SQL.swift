/// A named SQL statement. Values never appear in `text`: they are bound as `$1…$n`.
///
/// The name identifies the statement in errors and logs and, when `prepared` is true, names the
/// server-side prepared statement on each connection.
public struct SQL: Sendable, Hashable {
    /// A short, stable name such as `event_append`.
    public let name: String
    /// The statement, with `$1…$n` placeholders.
    public let text: String
    /// Whether to prepare the statement once per connection and reuse it.
    public let prepared: Bool

    /// Makes a statement.
    public init(_ name: String, _ text: String, prepared: Bool = true) {
        self.name = name
        self.text = text
        self.prepared = prepared
    }
}
