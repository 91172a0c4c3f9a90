/// An error from the database layer: connecting, a statement the server refused, or a value that could
/// not be decoded.
///
/// `description` is safe to log: it names the statement, the SQLSTATE and the server's primary message,
/// but never a bound value (values may be PHI). For data exceptions (SQLSTATE class 22), whose messages
/// quote the offending input, the quoted parts are removed. `debugDescription` adds the server's detail
/// and hint, for a developer at a terminal; do not log it.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    public enum Kind: String, Sendable {
        /// The server could not be reached, or the connection was lost.
        case connection
        /// The server refused a statement; see `sqlState`.
        case server
        /// A result value could not be decoded to the requested type, or was NULL where a value was required.
        case decoding
        /// libpq or the server did something this client does not expect.
        case protocolViolation
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The five-character SQLSTATE, when the server sent one (`23505` for a unique violation).
    public let sqlState: String?
    /// The name of the statement that failed (see `SQL.name`), when known.
    public let statement: String?
    /// The server's primary message, or this client's own explanation.
    public let message: String
    /// The server's DETAIL field; may hold values, so only in `debugDescription`.
    public let detail: String?
    /// The server's HINT field.
    public let hint: String?
    /// The constraint the server named, if any.
    public let constraint: String?
    /// The column concerned, for decoding errors or when the server names one.
    public let column: String?

    /// Makes an error.
    public init(
        kind: Kind, sqlState: String? = nil, statement: String? = nil, message: String,
        detail: String? = nil, hint: String? = nil, constraint: String? = nil, column: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.statement = statement
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.column = column
    }

    /// The same error, naming the statement that failed.
    public func naming(statement name: String) -> PostgresError {
        PostgresError(
            kind: kind, sqlState: sqlState, statement: statement ?? name, message: message, detail: detail,
            hint: hint, constraint: constraint, column: column)
    }

    /// True when the SQLSTATE is a unique violation (23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// True when the transaction failed to serialize or deadlocked and may be retried (40001, 40P01).
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// A log-safe description: no bound values, no DETAIL.
    public var description: String {
        var parts: [String] = []
        if let statement { parts.append("statement \(statement)") }
        if let sqlState { parts.append("SQLSTATE \(sqlState)") }
        if let column { parts.append("column \(column)") }
        let prefix = parts.isEmpty ? kind.rawValue : parts.joined(separator: ", ")
        return "\(prefix): \(safeMessage)"
    }

    /// Everything, including the server's DETAIL and HINT. Not for logs.
    public var debugDescription: String {
        var text = description
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        return text
    }

    private var safeMessage: String {
        guard let sqlState, sqlState.hasPrefix("22") else { return message }
        return Self.removingQuotedText(message)
    }

    /// Replaces every `"…"` in `text` with `"…"`, so that quoted input does not leak.
    static func removingQuotedText(_ text: String) -> String {
        var result = ""
        var inQuote = false
        for character in text {
            if character == "\"" {
                result.append(inQuote ? "…\"" : "\"")
                inQuote.toggle()
            } else if !inQuote {
                result.append(character)
            }
        }
        return result
    }
}
