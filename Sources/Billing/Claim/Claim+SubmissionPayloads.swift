extension Claim.Event {
    /// Payload of `claim.created`.
    public struct Created: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// CLM01.
        public var claimNumber: ClaimNumber
        /// The patient.
        public var patientKey: PatientKey
        /// The payer first billed.
        public var payerID: PayerID
        /// That payer's order for the patient on the first date of service (COB); absent: primary (as every claim
        /// created before the field existed was).
        public var payerOrder: PayerOrder?
        /// Diagnoses, principal first.
        public var diagnoses: [ICD10Code]
        /// The lines.
        public var lines: [ClaimLine]
        /// REF*G1.
        public var authorizationNumber: String?
        /// 42 CFR Part 2 sensitivity.
        public var substanceUse: Bool
        /// Total charge.
        public var charges: Money
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            claimNumber: ClaimNumber,
            patientKey: PatientKey,
            payerID: PayerID,
            payerOrder: PayerOrder? = nil,
            diagnoses: [ICD10Code],
            lines: [ClaimLine],
            authorizationNumber: String?,
            substanceUse: Bool,
            charges: Money,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.claimID = claimID
            self.claimNumber = claimNumber
            self.patientKey = patientKey
            self.payerID = payerID
            self.payerOrder = payerOrder
            self.diagnoses = diagnoses
            self.lines = lines
            self.authorizationNumber = authorizationNumber
            self.substanceUse = substanceUse
            self.charges = charges
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.scrubbed`.
    public struct Scrubbed: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// What it found.
        public var findings: [ScrubFinding]
        /// True when no error was found.
        public var passed: Bool
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            findings: [ScrubFinding],
            passed: Bool,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.findings = findings
            self.passed = passed
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `claim.submitted`.
    public struct Submitted: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The payer sent to.
        public var payerID: PayerID
        /// Its order.
        public var payerOrder: PayerOrder
        /// CLM05-3.
        public var frequency: ClaimFrequency
        /// Total charge.
        public var charges: Money
        /// REF*G1.
        public var authorizationNumber: String?
        /// Units of the authorization consumed now.
        public var authorizationUnitsConsumed: Quantity
        /// 42 CFR Part 2 sensitivity.
        public var substanceUse: Bool
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            payerID: PayerID,
            payerOrder: PayerOrder,
            frequency: ClaimFrequency,
            charges: Money,
            authorizationNumber: String?,
            authorizationUnitsConsumed: Quantity,
            substanceUse: Bool,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.payerID = payerID
            self.payerOrder = payerOrder
            self.frequency = frequency
            self.charges = charges
            self.authorizationNumber = authorizationNumber
            self.authorizationUnitsConsumed = authorizationUnitsConsumed
            self.substanceUse = substanceUse
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `claim.acknowledged`.
    public struct Acknowledged: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Payer claim number (REF*1K).
        public var payerClaimNumber: String?
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            payerClaimNumber: String?,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.payerClaimNumber = payerClaimNumber
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `claim.rejected`.
    public struct Rejected: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// 277CA category (A3, A6, A7, A8) or 999 code.
        public var category: String
        /// Status code.
        public var statusCode: String
        /// What to fix.
        public var message: String
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            category: String,
            statusCode: String,
            message: String,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.category = category
            self.statusCode = statusCode
            self.message = message
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `claim.adjudicated`.
    public struct Adjudicated: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Everything the payer said.
        public var adjudication: Adjudication
        /// Order of the payer.
        public var payerOrder: PayerOrder
        /// How it moves money.
        public var posting: Posting
        /// Lines paid below the contract.
        public var underpaidLines: [LineID]
        /// Where patient responsibility goes (a `claim.responsibility_transferred` follows), if any.
        public var patientResponsibilityTo: Responsible?
        /// Earlier denials this adjudication resolves (their lines are now paid or adjusted).
        public var resolvedDenials: [DenialID]
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            adjudication: Adjudication,
            payerOrder: PayerOrder,
            posting: Posting,
            underpaidLines: [LineID],
            patientResponsibilityTo: Responsible?,
            resolvedDenials: [DenialID],
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.claimID = claimID
            self.adjudication = adjudication
            self.payerOrder = payerOrder
            self.posting = posting
            self.underpaidLines = underpaidLines
            self.patientResponsibilityTo = patientResponsibilityTo
            self.resolvedDenials = resolvedDenials
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.adjudication_reversed`.
    public struct AdjudicationReversed: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The adjudication reversed.
        public var payerClaimNumber: String
        /// The amounts reversed, as originally posted.
        public var posting: Posting
        /// Patient responsibility moved back to the payer.
        public var returnedFromPatient: Money
        /// The payer billed again after the reversal.
        public var payerID: PayerID
        /// Its order.
        public var payerOrder: PayerOrder
        /// Denials the reversal supersedes.
        public var resolvedDenials: [DenialID]
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            payerClaimNumber: String,
            posting: Posting,
            returnedFromPatient: Money,
            payerID: PayerID,
            payerOrder: PayerOrder,
            resolvedDenials: [DenialID],
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.claimID = claimID
            self.payerClaimNumber = payerClaimNumber
            self.posting = posting
            self.returnedFromPatient = returnedFromPatient
            self.payerID = payerID
            self.payerOrder = payerOrder
            self.resolvedDenials = resolvedDenials
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.responsibility_transferred`.
    public struct ResponsibilityTransferred: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Amount moved.
        public var amount: Money
        /// Who owes it now.
        public var to: Responsible
        /// True when the payer that adjudicated forwarded the claim to the next payer itself (835 CLP02 19, 20 or
        /// 21 with NM1*TT): no 837P goes to that payer, whose 835 is awaited. Absent: false.
        public var crossover: Bool?
        /// Why.
        public var reason: String
        /// Patient-responsibility denials (PR) the move resolves: their patient share went to the next payer (COB).
        /// Absent: none (and on transfers recorded before it was kept).
        public var resolvedDenials: [DenialID]?
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            amount: Money,
            to: Responsible,
            crossover: Bool? = nil,
            reason: String,
            resolvedDenials: [DenialID]? = nil,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.resolvedDenials = resolvedDenials
            self.claimID = claimID
            self.amount = amount
            self.to = to
            self.crossover = crossover
            self.reason = reason
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }
}
