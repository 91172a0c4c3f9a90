/// Loop 2300: one professional claim with its providers, other payers and lines.
public struct ProfessionalClaim: Sendable, Hashable, Codable {
    /// CLM01: the patient control number, our claim number (1…20 characters); comes back as CLP01.
    public var claimNumber: String
    /// CLM02: total charge, the sum of the lines' SV102.
    public var totalCharge: X12Amount
    /// CLM05-1: place of service (`11` office, `02`/`10` telehealth, `53` CMHC…).
    public var placeOfService: String
    /// CLM05-3: `1` original, `7` replacement, `8` void.
    public var frequency: String
    /// CLM06: provider signature on file.
    public var providerSignature: Bool
    /// CLM07: assignment (`A` assigned, `B`, `C`).
    public var assignment: String
    /// CLM08: benefits assigned (`Y`, `N`, `W`).
    public var benefitsAssigned: String
    /// CLM09: release of information (`Y` or `I`).
    public var releaseOfInformation: String
    /// REF*G1: prior authorization number.
    public var priorAuthorization: String?
    /// REF*F8: the payer's claim number of the claim replaced or voided (required for frequency 7 and 8).
    public var originalPayerClaimNumber: String?
    /// HI: ICD-10-CM codes without the decimal point, principal first (ABK) then others (ABF); at most 12.
    public var diagnoses: [String]
    /// Loop 2310B: rendering provider (NM1*82 + PRV*PE).
    public var renderingProvider: ClaimProvider?
    /// Loop 2310D: supervising provider (NM1*DQ).
    public var supervisingProvider: ClaimProvider?
    /// Loop 2320: other payers, for secondary and tertiary claims.
    public var otherPayers: [OtherPayer]
    /// Loop 2400.
    public var lines: [ServiceLine]

    /// A claim.
    public init(claimNumber: String, totalCharge: X12Amount, placeOfService: String, frequency: String = "1",
                providerSignature: Bool = true, assignment: String = "A", benefitsAssigned: String = "Y",
                releaseOfInformation: String = "Y", priorAuthorization: String? = nil,
                originalPayerClaimNumber: String? = nil, diagnoses: [String], renderingProvider: ClaimProvider? = nil,
                supervisingProvider: ClaimProvider? = nil, otherPayers: [OtherPayer] = [], lines: [ServiceLine]) {
        self.claimNumber = claimNumber
        self.totalCharge = totalCharge
        self.placeOfService = placeOfService
        self.frequency = frequency
        self.providerSignature = providerSignature
        self.assignment = assignment
        self.benefitsAssigned = benefitsAssigned
        self.releaseOfInformation = releaseOfInformation
        self.priorAuthorization = priorAuthorization
        self.originalPayerClaimNumber = originalPayerClaimNumber
        self.diagnoses = diagnoses
        self.renderingProvider = renderingProvider
        self.supervisingProvider = supervisingProvider
        self.otherPayers = otherPayers
        self.lines = lines
    }

    /// Loop 2400: one service line.
    public struct ServiceLine: Sendable, Hashable, Codable {
        /// SV101: `HC:code:modifiers`.
        public var procedure: ProcedureCode
        /// SV102.
        public var charge: X12Amount
        /// SV103: `UN` units or `MJ` minutes.
        public var unitQualifier: String
        /// SV104.
        public var units: X12Quantity
        /// SV105: place of service when it differs from the claim's.
        public var placeOfService: String?
        /// SV107: pointers (1-based) into the claim's diagnoses, at most 4.
        public var diagnosisPointers: [Int]
        /// DTP*472.
        public var serviceDate: DatePeriod
        /// REF*6R: line item control number, comes back in the 835.
        public var lineControlNumber: String?
        /// Loop 2430: earlier payers' adjudications of this line (secondary and tertiary claims).
        public var otherPayerAdjudications: [LineAdjudication]

        /// A line.
        public init(procedure: ProcedureCode, charge: X12Amount, unitQualifier: String = "UN", units: X12Quantity,
                    placeOfService: String? = nil, diagnosisPointers: [Int], serviceDate: DatePeriod,
                    lineControlNumber: String? = nil, otherPayerAdjudications: [LineAdjudication] = []) {
            self.otherPayerAdjudications = otherPayerAdjudications
            self.procedure = procedure
            self.charge = charge
            self.unitQualifier = unitQualifier
            self.units = units
            self.placeOfService = placeOfService
            self.diagnosisPointers = diagnosisPointers
            self.serviceDate = serviceDate
            self.lineControlNumber = lineControlNumber
        }
    }

    /// A rendering or supervising provider: a person with an NPI.
    public struct ClaimProvider: Sendable, Hashable, Codable {
        /// NM103–NM105.
        public var name: PersonName
        /// NM109 (qualifier XX).
        public var npi: String
        /// PRV*PE*PXC (rendering only).
        public var taxonomy: String?

        /// A provider.
        public init(name: PersonName, npi: String, taxonomy: String? = nil) {
            self.name = name
            self.npi = npi
            self.taxonomy = taxonomy
        }
    }

    /// Loop 2320/2330A/2330B: what another payer already did with this claim.
    public struct OtherPayer: Sendable, Hashable, Codable {
        /// SBR01 of the other payer: `P`, `S`, `T`.
        public var payerSequence: String
        /// SBR02: the patient's relationship to the other subscriber (`18` self).
        public var relationship: String
        /// SBR03.
        public var groupNumber: String?
        /// SBR09.
        public var filingIndicator: String
        /// Claim-level CAS from that payer's 835 (line-level CAS go in each line's loop 2430).
        public var adjustments: [Adjustment]
        /// AMT*D: what that payer paid.
        public var paidAmount: X12Amount?
        /// AMT*EAF: what the patient still owes after that payer (its patient responsibility).
        public var remainingPatientLiability: X12Amount?
        /// Loop 2330A: the other subscriber (PHI).
        public var subscriber: SubscriberClaims.Person
        /// Loop 2330B: the other payer.
        public var payer: SubscriberClaims.Payer
        /// DTP*573: that payer's adjudication date.
        public var adjudicationDate: X12Date?

        /// An other payer.
        public init(payerSequence: String = "P", relationship: String = "18", groupNumber: String? = nil,
                    filingIndicator: String, adjustments: [Adjustment] = [], paidAmount: X12Amount? = nil,
                    subscriber: SubscriberClaims.Person, payer: SubscriberClaims.Payer, adjudicationDate: X12Date? = nil,
                    remainingPatientLiability: X12Amount? = nil) {
            self.remainingPatientLiability = remainingPatientLiability
            self.payerSequence = payerSequence
            self.relationship = relationship
            self.groupNumber = groupNumber
            self.filingIndicator = filingIndicator
            self.adjustments = adjustments
            self.paidAmount = paidAmount
            self.subscriber = subscriber
            self.payer = payer
            self.adjudicationDate = adjudicationDate
        }
    }
}
