/// The bundled list of common billable (leaf) behavioral-health ICD-10-CM codes, effective-dated.
///
/// A code of valid form that is a prefix of a listed code is a non-billable header (`F32`);
/// a code neither listed nor a header is unknown to us (the scrubber warns rather than blocks).
public enum DiagnosisCatalog {
    /// What the catalog knows about a code on a date.
    public enum Status: Sendable, Equatable {
        /// A billable leaf code in force on the date.
        case billable
        /// A category or subcategory header; not billable on claims.
        case header
        /// A listed code that is not in force on the date (added later or retired).
        case notInForce
        /// Not in our bundled list.
        case unknown
    }

    /// Billable codes with the dates they are in force (ICD-10-CM changes each 1 October).
    public static let billable: [String: EffectivePeriod] = {
        var table: [String: EffectivePeriod] = [:]
        let always = [
            "F10.10", "F10.11", "F10.20", "F10.21", "F10.230", "F10.239", "F11.10", "F11.20", "F11.21",
            "F12.10", "F12.20", "F13.20", "F14.10", "F14.20", "F15.20", "F17.210", "F19.20",
            "F20.9", "F25.0", "F25.1", "F25.9", "F31.0", "F31.81", "F31.9", "F31.30", "F31.60",
            "F32.0", "F32.1", "F32.2", "F32.3", "F32.4", "F32.5", "F32.9",
            "F33.0", "F33.1", "F33.2", "F33.3", "F33.40", "F33.41", "F33.42", "F33.9",
            "F34.1", "F39", "F40.00", "F40.10", "F40.9", "F41.0", "F41.1", "F41.8", "F41.9",
            "F42.2", "F42.9", "F43.0", "F43.10", "F43.11", "F43.12", "F43.20", "F43.21", "F43.22",
            "F43.23", "F43.24", "F43.25", "F43.29", "F43.9", "F44.9", "F45.1", "F48.9",
            "F50.00", "F50.2", "F51.01", "F60.3", "F60.9", "F63.81", "F64.0", "F68.10", "F69",
            "F84.0", "F90.0", "F90.1", "F90.2", "F90.9", "F91.3", "F93.0", "F94.0", "F95.2", "F99",
            "Z00.00", "Z03.89", "Z13.31", "Z13.39", "Z56.0", "Z60.0", "Z62.820", "Z63.0", "Z63.5",
            "Z63.8", "Z65.8", "Z69.010", "Z71.89", "Z71.41", "Z91.19",
        ]
        for code in always { table[code] = .always }
        table["F32.A"] = .since("2021-10-01")
        table["F43.8"] = .since("2000-01-01", through: "2023-09-30")
        table["F43.81"] = .since("2023-10-01")
        table["F43.89"] = .since("2023-10-01")
        return table
    }()

    /// What the catalog knows about `code` on `date`.
    public static func status(of code: ICD10Code, on date: LocalDate) -> Status {
        if let period = billable[code.rawValue] {
            if period.contains(date) { return .billable }
            return isHeader(code, on: date) ? .header : .notInForce
        }
        return isHeader(code, on: date) ? .header : .unknown
    }

    private static func isHeader(_ code: ICD10Code, on date: LocalDate) -> Bool {
        let compact = code.x12
        return billable.contains { key, period in
            let other = key.filter { $0 != "." }
            return other.count > compact.count && other.hasPrefix(compact) && period.contains(date)
        }
    }
}
