/// Procedure modifiers we recognise, with our wording and the dates they are valid.
public enum ModifierCatalog {
    /// A modifier's meaning and validity.
    public struct Entry: Sendable, Hashable {
        /// The two-character modifier.
        public let code: String
        /// Our short wording.
        public let summary: String
        /// True for telehealth modifiers (95, 93, GT, FQ).
        public let telehealth: Bool
        /// When the modifier is valid.
        public let effective: EffectivePeriod
    }

    /// All recognised modifiers by code.
    public static let entries: [String: Entry] = {
        let list: [(String, String, Bool, EffectivePeriod)] = [
            ("95", "Synchronous audio-video telehealth", true, .always),
            ("93", "Audio-only telehealth", true, .since("2022-01-01")),
            ("GT", "Interactive audio-video telehealth (legacy)", true, .always),
            ("FQ", "Audio-only service by an RHC or FQHC", true, .since("2021-01-01")),
            ("HO", "Master's-level clinician", false, .always), ("HN", "Bachelor's-level clinician", false, .always),
            ("HP", "Doctoral-level clinician", false, .always), ("HM", "Less than a bachelor's degree", false, .always),
            ("AH", "Clinical psychologist (Medicare)", false, .always),
            ("AJ", "Clinical social worker (Medicare)", false, .always),
            ("HA", "Child or adolescent program", false, .always), ("HB", "Adult program", false, .always),
            ("HE", "Mental-health program", false, .always), ("HF", "Substance-use program", false, .always),
            ("HQ", "Group setting", false, .always), ("HR", "Family or couple with the client present", false, .always),
            ("HS", "Family or couple without the client present", false, .always),
            ("U1", "State-defined 1", false, .always), ("U2", "State-defined 2", false, .always),
            ("UK", "Service on behalf of the client to someone else", false, .always),
            ("25", "Significant, separately identifiable E/M", false, .always),
            ("59", "Distinct procedural service", false, .always), ("XE", "Separate encounter", false, .always),
            ("GA", "Waiver of liability on file", false, .always), ("KX", "Requirements met", false, .always),
        ]
        return Dictionary(
            uniqueKeysWithValues: list.map {
                ($0.0, Entry(code: $0.0, summary: $0.1, telehealth: $0.2, effective: $0.3))
            })
    }()

    /// Telehealth modifiers.
    public static let telehealthModifiers: Set<String> = Set(entries.values.filter(\.telehealth).map(\.code))
}

/// Places of service that outpatient behavioral health uses.
public enum PlaceOfServiceCatalog {
    /// Code → (our wording, validity).
    public static let entries: [String: (summary: String, effective: EffectivePeriod)] = [
        "02": ("Telehealth, not in the patient's home", .always),
        "03": ("School", .always), "04": ("Homeless shelter", .always),
        "10": ("Telehealth in the patient's home", .since("2022-01-01")),
        "11": ("Office", .always), "12": ("Home", .always), "15": ("Mobile unit", .always),
        "18": ("Place of employment", .always), "19": ("Off-campus outpatient hospital", .always),
        "22": ("On-campus outpatient hospital", .always), "23": ("Emergency room", .always),
        "31": ("Skilled nursing facility", .always), "32": ("Nursing facility", .always),
        "33": ("Custodial care facility", .always), "49": ("Independent clinic", .always),
        "50": ("Federally qualified health center", .always),
        "52": ("Psychiatric facility, partial hospitalization", .always),
        "53": ("Community mental health center", .always), "55": ("Residential substance-use facility", .always),
        "56": ("Psychiatric residential treatment center", .always),
        "57": ("Non-residential substance-use facility", .always),
        "58": ("Non-residential opioid treatment facility", .since("2020-01-01")),
        "71": ("Public health clinic", .always),
        "72": ("Rural health clinic", .always), "99": ("Other place of service", .always),
    ]

    /// Places of service that mean telehealth.
    public static let telehealth: Set<String> = ["02", "10"]
}
