/// A CAS claim adjustment group code (5010 allows exactly these four).
public enum GroupCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Contractual obligation: the provider absorbs it.
    case contractual = "CO"
    /// Other adjustment (e.g. OA-23, a prior payer's impact).
    case other = "OA"
    /// Payer-initiated reduction without a contract basis.
    case payerInitiated = "PI"
    /// Patient responsibility.
    case patient = "PR"
}

/// Claim adjustment reason codes (CARC) and remittance advice remark codes (RARC), in our own words.
public enum AdjustmentCatalog {
    /// A code with our wording and validity.
    public struct Entry: Sendable, Hashable {
        /// The code (`"45"`, `"N290"`).
        public let code: String
        /// Our short wording.
        public let summary: String
        /// When the code may be used (the lists change several times a year).
        public let effective: EffectivePeriod
    }

    /// CARCs we know, by code.
    public static let reasons: [String: Entry] = table([
        ("1", "Applied to the deductible"), ("2", "Coinsurance share"), ("3", "Copayment"),
        ("4", "Modifier missing or inconsistent with the procedure"),
        ("5", "Procedure not consistent with the place of service"),
        ("11", "Diagnosis does not support the procedure"),
        ("15", "Authorization missing, invalid or not for this service"),
        ("16", "Claim lacks information or has submission errors"), ("18", "Duplicate claim or line"),
        ("22", "Another payer may be primary"), ("23", "Effect of a prior payer's payment"),
        ("24", "Covered by capitation or managed care"), ("26", "Service before coverage began"),
        ("27", "Service after coverage ended"), ("29", "Filing deadline passed"),
        ("31", "Patient not identified as our insured"), ("45", "Charge above the contracted amount"),
        ("50", "Not medically necessary in the payer's view"),
        ("58", "Place of service considered inappropriate"), ("96", "Non-covered charge"),
        ("97", "Paid as part of another service"), ("109", "Not covered by this payer; send to the right payer"),
        ("119", "Benefit maximum for the period reached"),
        ("151", "Information does not support this many services"), ("167", "Diagnosis not covered"),
        ("170", "Not payable for this type of provider"), ("185", "Rendering provider not eligible for this service"),
        ("197", "Authorization absent"), ("198", "Authorization exceeded"),
        ("204", "Not covered by the current benefit plan"),
        ("242", "Not provided by a network provider"), ("253", "Sequestration reduction"),
        ("B7", "Provider not eligible on this date of service"),
    ])

    /// RARCs we know, by code.
    public static let remarks: [String: Entry] = table([
        ("N290", "Rendering provider identifier missing or invalid"), ("M51", "Procedure code problem"),
        ("N130", "See the plan's benefit documents"),
        ("MA130", "Claim incomplete; correct and resubmit, no appeal rights"),
        ("N30", "Patient ineligible for this service"),
        ("N479", "Missing explanation of benefits from the other payer"),
        ("M77", "Place of service missing or invalid"),
        ("N54", "Claim information inconsistent with pre-certification"),
        ("MA04", "Secondary payment cannot be considered without the primary's payment"),
    ])

    /// Reason codes for patient responsibility that split it: deductible, coinsurance, copay.
    public static let deductible = "1", coinsurance = "2", copay = "3"

    /// The contractual-adjustment reason that never signals a denial.
    public static let contractualReduction = "45"

    /// The prior-payer-impact reason, recorded but never posted.
    public static let priorPayerImpact = "23"

    private static func table(_ rows: [(String, String)]) -> [String: Entry] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.0, Entry(code: $0.0, summary: $0.1, effective: .always)) })
    }
}
