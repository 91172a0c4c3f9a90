/// A file that cannot be read: where, and what is wrong.
///
/// `description` reads `remit.835: segment 14 (CLP), element 4: "12.3.4" is not an amount`. It never
/// echoes names, member ids or birth dates: for such elements it says which element is wrong and why,
/// without the value. Amounts, dates of service, codes and control numbers may be echoed.
public struct X12Error: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the problem is.
    public var location: X12Location
    /// What is wrong, in words.
    public var message: String
    /// The broad kind of problem, for callers that branch on it.
    public var kind: Kind

    /// The broad kinds of problem.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Bytes that are not X12 (no ISA, a bad header, an unterminated segment).
        case syntax
        /// Envelope counts, control numbers or nesting that do not match.
        case envelope
        /// A version other than 5010 (4010 included).
        case unsupportedVersion
        /// A value that is not what its element requires (an amount, a date, a code).
        case value
        /// A required segment or element is missing or out of place within a transaction.
        case structure
    }

    /// An error at `location`.
    public init(_ kind: Kind, at location: X12Location, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `location: message`.
    public var description: String {
        let place = location.description
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
