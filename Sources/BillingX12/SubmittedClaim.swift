import Billing
import X12

/// What an 837P says about one claim, in billing terms that compare equal whether they come from the claim
/// stream (`init(claim:practice:payer:)`) or from a file read back (`SubmittedClaim.read(_:)`): the round trip
/// "claims → 837P → read back → the same claims". Holds no PHI.
public struct SubmittedClaim: Sendable, Hashable {
    /// CLM01.
    public var claimNumber: String
    /// 2010BB payer id.
    public var payerID: String
    /// SBR01: `P`, `S`, `T`.
    public var payerSequence: String
    /// CLM05-3.
    public var frequency: ClaimFrequency?
    /// REF*F8.
    public var originalPayerClaimNumber: String?
    /// REF*G1.
    public var priorAuthorization: String?
    /// HI, principal first.
    public var diagnoses: [ICD10Code]
    /// CLM02.
    public var totalCharge: Money
    /// NM1*82 NPI.
    public var renderingNPI: String?
    /// NM1*DQ NPI.
    public var supervisingNPI: String?
    /// Loop 2400.
    public var lines: [Line]

    /// One service line.
    public struct Line: Sendable, Hashable {
        /// REF*6R.
        public var lineID: LineID?
        /// DTP*472.
        public var dateOfService: LocalDate
        /// SV101-2.
        public var code: String
        /// SV101-3…6.
        public var modifiers: [String]
        /// SV104.
        public var units: Quantity
        /// SV102.
        public var charge: Money
        /// SV107.
        public var diagnosisPointers: [Int]
        /// SV105, else CLM05-1.
        public var placeOfService: String
    }

    /// What the builder sends for `claim` (rendering and supervising NPIs from the practice).
    public init(claim: Claim.State, practice: Practice.State, originalPayerClaimNumber: String? = nil) {
        claimNumber = claim.claimNumber?.rawValue ?? ""
        payerID = claim.payerID?.rawValue ?? ""
        payerSequence = SubmissionIdentity.sequence(claim.payerOrder)
        frequency = claim.frequency
        self.originalPayerClaimNumber =
            claim.frequency == .original ? nil : originalPayerClaimNumber ?? claim.payerClaimNumber
        priorAuthorization = claim.authorizationNumber
        diagnoses = claim.diagnoses
        totalCharge = claim.lines.map(\.charge).sum()
        renderingNPI = claim.lines.first.flatMap { practice.providers[$0.rendering]?.npi }
        supervisingNPI = claim.lines.first?.supervising.flatMap { practice.providers[$0]?.npi }
        lines = claim.lines.map {
            Line(
                lineID: $0.lineID, dateOfService: $0.dateOfService, code: $0.code, modifiers: $0.modifiers,
                units: $0.units, charge: $0.charge, diagnosisPointers: $0.diagnosisPointers,
                placeOfService: $0.placeOfService)
        }
    }

    /// One claim as a file carries it.
    public init(claim: ProfessionalClaim, payerID: String, payerSequence: String) {
        claimNumber = claim.claimNumber
        self.payerID = payerID
        self.payerSequence = payerSequence
        frequency = ClaimFrequency(rawValue: claim.frequency)
        originalPayerClaimNumber = claim.originalPayerClaimNumber
        priorAuthorization = claim.priorAuthorization
        diagnoses = claim.diagnoses.compactMap { ICD10Code($0) }
        totalCharge = Money(claim.totalCharge)
        renderingNPI = claim.renderingProvider?.npi
        supervisingNPI = claim.supervisingProvider?.npi
        lines = claim.lines.map {
            Line(
                lineID: $0.lineControlNumber.map { LineID($0) }, dateOfService: LocalDate($0.serviceDate.start),
                code: $0.procedure.code, modifiers: $0.procedure.modifiers, units: Quantity($0.units),
                charge: Money($0.charge), diagnosisPointers: $0.diagnosisPointers,
                placeOfService: $0.placeOfService ?? claim.placeOfService)
        }
    }

    /// Every claim of an interchange read back from a file, in file order.
    public static func read(_ interchange: ProfessionalClaimInterchange) -> [SubmittedClaim] {
        interchange.billingProviders.flatMap { provider in
            provider.subscribers.flatMap { group in
                group.claims.map {
                    SubmittedClaim(claim: $0, payerID: group.payer.id, payerSequence: group.payerSequence)
                }
            }
        }
    }
}
