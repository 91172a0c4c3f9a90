/// A BAI2 file the reader refuses: which physical record (1-based line), which field, and the rule broken.
/// Values are named only when they are numbers or codes (never account numbers or free text).
public struct BAI2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The physical record (line) number, 1-based; 0 for the file as a whole.
    public var record: Int
    /// What is wrong, as a sentence fragment naming the field and the rule.
    public var problem: String

    public init(record: Int, _ problem: String) {
        self.record = record
        self.problem = problem
    }

    public var description: String { record == 0 ? "BAI2 file: \(problem)" : "BAI2 record \(record): \(problem)" }
}
