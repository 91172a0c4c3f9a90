/// How a telehealth session was delivered.
public enum TelehealthMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Synchronous audio and video.
    case audioVideo
    /// Audio only.
    case audioOnly
}

/// One billed service of a session: code, modifiers, units, charge and diagnosis pointers (1-based).
public struct ServiceLine: Sendable, Hashable, Codable {
    /// CPT or HCPCS code.
    public var code: String
    /// Up to four modifiers.
    public var modifiers: [String]
    /// Units of service.
    public var units: Quantity
    /// Charge for the line.
    public var charge: Money
    /// Pointers (1-based) into the session's diagnoses, at most four.
    public var diagnosisPointers: [Int]

    /// A line.
    public init(
        code: String, modifiers: [String] = [], units: Quantity = Quantity(units: 1), charge: Money,
        diagnosisPointers: [Int] = [1]
    ) {
        self.code = code
        self.modifiers = modifiers
        self.units = units
        self.charge = charge
        self.diagnosisPointers = diagnosisPointers
    }
}

/// What a signed session note yields for billing.
public struct SessionRecord: Sendable, Hashable, Codable {
    /// The session id minted by the caller.
    public var sessionID: SessionID
    /// The patient.
    public var patientKey: PatientKey
    /// The date of service in the practice's time zone.
    public var dateOfService: LocalDate
    /// The rendering clinician.
    public var rendering: ProviderID
    /// The supervising clinician, for pre-licensed renderers.
    public var supervising: ProviderID?
    /// Place of service code (`"11"`, `"02"`, `"10"`).
    public var placeOfService: String
    /// Telehealth mode, or nil for in person.
    public var telehealth: TelehealthMode?
    /// Face-to-face minutes.
    public var minutes: Int
    /// Diagnoses in order; the first is principal (at most 12).
    public var diagnoses: [ICD10Code]
    /// Billed services.
    public var lines: [ServiceLine]

    /// A session record.
    public init(
        sessionID: SessionID, patientKey: PatientKey, dateOfService: LocalDate, rendering: ProviderID,
        supervising: ProviderID? = nil, placeOfService: String = "11", telehealth: TelehealthMode? = nil,
        minutes: Int, diagnoses: [ICD10Code], lines: [ServiceLine]
    ) {
        self.sessionID = sessionID
        self.patientKey = patientKey
        self.dateOfService = dateOfService
        self.rendering = rendering
        self.supervising = supervising
        self.placeOfService = placeOfService
        self.telehealth = telehealth
        self.minutes = minutes
        self.diagnoses = diagnoses
        self.lines = lines
    }

    /// True for substance-use treatment (F10–F19 diagnoses, SUD services, HF modifier): 42 CFR Part 2.
    public var isSubstanceUse: Bool {
        diagnoses.contains(where: \.isSubstanceUse)
            || lines.contains {
                ProcedureCatalog.definition($0.code)?.substanceUse == true || $0.modifiers.contains("HF")
            }
    }

    /// The total charge of the lines.
    public var charge: Money { lines.map(\.charge).sum() }
}
