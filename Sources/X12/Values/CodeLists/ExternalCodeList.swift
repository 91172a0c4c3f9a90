/// A list of code values kept outside the X12 standard (an "external code source"): claim adjustment reason codes
/// (139), remittance advice remark codes (411), claim status categories (507). The guides close the elements that
/// use them to the list's values; the lists change three times a year, so a value missing from ours is a warning,
/// never an error.
public struct ExternalCodeList: Sendable {
    /// What one code is called in a warning (`claim adjustment reason code`).
    public let name: String
    /// The X12 external code source number (139, 411, 507).
    public let codeSource: Int
    /// The date the list was taken (`2026-08-17`).
    public let asOf: String
    private let current: Set<String>
    private let deactivated: Set<String>

    /// A list.
    public init(name: String, codeSource: Int, asOf: String, current: [String], deactivated: [String]) {
        self.name = name
        self.codeSource = codeSource
        self.asOf = asOf
        self.current = Set(current)
        self.deactivated = Set(deactivated)
    }

    /// What the list says of a code.
    public enum Status: String, Sendable, Hashable, Codable {
        /// In the list and in use.
        case current
        /// In the list with a stop date: payers should no longer send it.
        case deactivated
        /// Not in the list.
        case unknown
    }

    /// What the list says of `code`.
    public func status(of code: String) -> Status {
        if current.contains(code) { return .current }
        if deactivated.contains(code) { return .deactivated }
        return .unknown
    }

    /// The number of codes, current and deactivated.
    public var count: Int { current.count + deactivated.count }

    /// The number of deactivated codes.
    public var deactivatedCount: Int { deactivated.count }
}
