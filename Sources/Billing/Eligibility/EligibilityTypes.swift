/// Whether a coverage was in force when the payer answered a 270.
public enum EligibilityStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// EB01 1–5: active coverage.
    case active
    /// EB01 6–8: inactive (ended, not yet begun, or pre-existing exclusion).
    case inactive
    /// The payer could not identify the member or answer (AAA).
    case rejected
    /// The 271 said neither.
    case unknown
}

/// The behavioral-health service types a 270 asks about and a 271 answers (EB03), with the plan's `30`.
public enum BehavioralServiceType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// `30`: health benefit plan coverage.
    case planCoverage = "30"
    /// `MH`: mental health.
    case mentalHealth = "MH"
    /// `A4`: psychiatric.
    case psychiatric = "A4"
    /// `A6`: psychotherapy.
    case psychotherapy = "A6"
    /// `A8`: psychiatric, outpatient.
    case psychiatricOutpatient = "A8"
    /// `AI`: substance abuse.
    case substanceAbuse = "AI"

    /// The service types a behavioral-health inquiry asks about, in the order asked.
    public static let asked: [BehavioralServiceType] = [.planCoverage, .mentalHealth, .psychiatric, .psychotherapy, .psychiatricOutpatient, .substanceAbuse]

    /// The service types of the behavioral-health benefit itself (all but `30`).
    public static let behavioral: Set<BehavioralServiceType> = [.mentalHealth, .psychiatric, .psychotherapy, .psychiatricOutpatient, .substanceAbuse]

    public static func < (lhs: BehavioralServiceType, rhs: BehavioralServiceType) -> Bool {
        asked.firstIndex(of: lhs)! < asked.firstIndex(of: rhs)!
    }
}

/// What a 271 says about one behavioral-health service type, for one network (in, out, or either) and setting.
///
/// Absent values were not in the answer; amounts are exact cents, the coinsurance is in hundredths of a percent.
public struct BehavioralBenefit: Sendable, Hashable, Codable {
    /// EB03.
    public var serviceType: BehavioralServiceType
    /// EB12: true in network, false out of network, nil when the payer did not say (or said both).
    public var inNetwork: Bool?
    /// The setting the benefit is limited to, when the 271 carries one: `telehealth` (EB13 with modifier 95 or
    /// GT, or a MSG naming telehealth), `professional` (office), nil for any.
    public var setting: String?
    /// EB01 B, EB07.
    public var copay: Money?
    /// EB01 A, EB08 × 10 000 (`.2` is 2000: 20.00 %).
    public var coinsuranceBasisPoints: Int64?
    /// EB01 C with a calendar or service year (EB06 23/22), EB07.
    public var deductible: Money?
    /// EB01 C with EB06 29 (remaining), EB07.
    public var deductibleRemaining: Money?
    /// EB01 G with EB06 29, EB07.
    public var outOfPocketRemaining: Money?
    /// EB01 F with EB09 VS (or HSD VS), EB10: the visits allowed per period.
    public var visitLimit: Int?
    /// EB01 F with EB06 29 and EB09 VS: the visits left.
    public var visitsRemaining: Int?
    /// EB11: true when authorization or certification is required.
    public var authorizationRequired: Bool?
    /// EB01 I: not covered.
    public var notCovered: Bool

    /// A benefit; everything but the service type is optional.
    public init(
        serviceType: BehavioralServiceType, inNetwork: Bool? = nil, setting: String? = nil, copay: Money? = nil, coinsuranceBasisPoints: Int64? = nil,
        deductible: Money? = nil, deductibleRemaining: Money? = nil, outOfPocketRemaining: Money? = nil, visitLimit: Int? = nil,
        visitsRemaining: Int? = nil, authorizationRequired: Bool? = nil, notCovered: Bool = false
    ) {
        self.serviceType = serviceType
        self.inNetwork = inNetwork
        self.setting = setting
        self.copay = copay
        self.coinsuranceBasisPoints = coinsuranceBasisPoints
        self.deductible = deductible
        self.deductibleRemaining = deductibleRemaining
        self.outOfPocketRemaining = outOfPocketRemaining
        self.visitLimit = visitLimit
        self.visitsRemaining = visitsRemaining
        self.authorizationRequired = authorizationRequired
        self.notCovered = notCovered
    }
}

/// Another payer named by a 271 for the behavioral-health benefit (loop 2120C/D, NM1*PR or a vendor): the
/// carve-out that runs the mental-health benefit the card's payer does not.
public struct CarveOut: Sendable, Hashable, Codable {
    /// NM103: the organisation's name (not PHI).
    public var name: String
    /// NM109 with NM108 PI (or another qualifier): its X12 payer id.
    public var x12PayerID: String?
    /// The service types of the benefit that named it.
    public var serviceTypes: [BehavioralServiceType]

    /// A carve-out.
    public init(name: String, x12PayerID: String?, serviceTypes: [BehavioralServiceType]) {
        self.name = name
        self.x12PayerID = x12PayerID
        self.serviceTypes = serviceTypes
    }
}

/// One inquiry of a 270 we sent: the trace that the 271 echoes, and whom it asked about.
public struct SentInquiry: Sendable, Hashable, Codable {
    /// TRN02 of our TRN*1.
    public var trace: String
    /// The patient asked about.
    public var patientKey: PatientKey
    /// The coverage asked about.
    public var coverageID: CoverageID
    /// The date of service asked about (DTP*291).
    public var serviceDate: LocalDate

    /// An inquiry.
    public init(trace: String, patientKey: PatientKey, coverageID: CoverageID, serviceDate: LocalDate) {
        self.trace = trace
        self.patientKey = patientKey
        self.coverageID = coverageID
        self.serviceDate = serviceDate
    }
}
