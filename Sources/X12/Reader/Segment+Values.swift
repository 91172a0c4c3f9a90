/// Typed element readers: each throws an `X12Error` naming the segment and element, and never echoes a
/// value the caller marks as PHI.
extension Segment {
    /// A required text element.
    func required(_ position: Int, _ what: @autoclosure () -> String) throws(X12Error) -> String {
        guard let value = element(position) else {
            throw X12Error(.structure, at: location(position), "\(what()) is missing")
        }
        return value
    }

    /// An optional amount; an empty element is `nil`, text that is not an amount is an error.
    func amount(_ position: Int) throws(X12Error) -> X12Amount? {
        let field = bytes(position)
        guard !field.isEmpty else { return nil }
        guard let amount = X12Amount(bytes: field) else {
            throw X12Error(.value, at: location(position), "\(quoted(field)) is not an amount")
        }
        return amount
    }

    /// A required amount.
    func requiredAmount(_ position: Int, _ what: @autoclosure () -> String) throws(X12Error) -> X12Amount {
        guard let value = try amount(position) else {
            throw X12Error(.structure, at: location(position), "\(what()) is missing")
        }
        return value
    }

    /// An optional quantity.
    func quantity(_ position: Int) throws(X12Error) -> X12Quantity? {
        let field = bytes(position)
        guard !field.isEmpty else { return nil }
        guard let quantity = X12Quantity(bytes: field) else {
            throw X12Error(.value, at: location(position), "\(quoted(field)) is not a quantity")
        }
        return quantity
    }

    /// An optional `CCYYMMDD` date; `phi` dates (birth dates) are never echoed.
    func date(_ position: Int, phi: Bool = false) throws(X12Error) -> X12Date? {
        let field = bytes(position)
        guard !field.isEmpty else { return nil }
        guard let date = X12Date(bytes: field) else {
            let shown = phi ? "the date" : quoted(field)
            throw X12Error(.value, at: location(position), "\(shown) is not a date (CCYYMMDD)")
        }
        return date
    }

    /// An optional whole number.
    func integer(_ position: Int) throws(X12Error) -> Int? {
        let field = bytes(position)
        guard !field.isEmpty else { return nil }
        guard field.count <= 9, field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw X12Error(.value, at: location(position), "\(quoted(field)) is not a whole number")
        }
        return field.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// A date or date range after a format qualifier (`D8*20240102` or `RD8*20240101-20240131`) at
    /// `position` (qualifier) and `position + 1` (value).
    func period(qualifierAt position: Int) throws(X12Error) -> DatePeriod? {
        guard let format = element(position) else { return nil }
        let field = bytes(position + 1)
        switch format {
        case "D8":
            guard let date = X12Date(bytes: field) else {
                throw X12Error(.value, at: location(position + 1), "\(quoted(field)) is not a date (CCYYMMDD)")
            }
            return DatePeriod(start: date, end: date)
        case "RD8":
            guard let dash = field.firstIndex(of: UInt8(ascii: "-")),
                let start = X12Date(bytes: field[field.startIndex..<dash]),
                let end = X12Date(bytes: field[(dash + 1)...]), start <= end
            else {
                throw X12Error(.value, at: location(position + 1), "\(quoted(field)) is not a date range (CCYYMMDD-CCYYMMDD)")
            }
            return DatePeriod(start: start, end: end)
        default:
            throw X12Error(.value, at: location(position), "date format \(quoted(bytes(position))) is not D8 or RD8")
        }
    }

    /// The components of a composite element.
    ///
    /// When the element holds none of the declared component separators but does hold `>` or `:` (a file
    /// written with another separator than its ISA16 declares), it is split on that character and a
    /// warning says so: the data is read, but never silently.
    func components(_ position: Int, warnings: inout [X12Warning]) -> [String] {
        let field = bytes(position)
        guard !field.isEmpty else { return [] }
        var separator = separators.component
        if !field.contains(separator) {
            for candidate in [UInt8(ascii: ">"), UInt8(ascii: ":")] where candidate != separator && field.contains(candidate) {
                warnings.append(X12Warning(
                    at: location(position),
                    "composite \(quoted(field)) uses \(printable(candidate)) but ISA16 declares \(printable(separator)) as the component separator; read with \(printable(candidate))"))
                separator = candidate
                break
            }
        }
        return field.split(separator: separator, omittingEmptySubsequences: false).map {
            text($0)
        }
    }
}

/// A date or an inclusive range of dates (`D8` or `RD8`).
public struct DatePeriod: Sendable, Hashable, Codable {
    /// The first day.
    public var start: X12Date
    /// The last day (the same as `start` for a single date).
    public var end: X12Date

    /// A period; a single day when `end` is omitted.
    public init(start: X12Date, end: X12Date? = nil) {
        self.start = start
        self.end = end ?? start
    }
}
