extension Claim.Event {
    /// Payload of `claim.denied`.
    public struct Denied: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The denial work item.
        public var denial: Denial
        /// Authorization whose units are released.
        public var authorizationNumber: String?
        /// Units released.
        public var authorizationUnitsReleased: Quantity
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            denial: Denial,
            authorizationNumber: String?,
            authorizationUnitsReleased: Quantity,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.denial = denial
            self.authorizationNumber = authorizationNumber
            self.authorizationUnitsReleased = authorizationUnitsReleased
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `denial.assigned`.
    public struct DenialAssigned: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The denial.
        public var denialID: DenialID
        /// Owner.
        public var owner: StaffID
        /// Due date.
        public var dueDate: LocalDate
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            denialID: DenialID,
            owner: StaffID,
            dueDate: LocalDate,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.denialID = denialID
            self.owner = owner
            self.dueDate = dueDate
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `claim.appealed`.
    public struct Appealed: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The denial.
        public var denialID: DenialID
        /// Appeal reference.
        public var reference: String
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            denialID: DenialID,
            reference: String,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.denialID = denialID
            self.reference = reference
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `claim.corrected`.
    public struct Corrected: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Diagnoses.
        public var diagnoses: [ICD10Code]
        /// New lines.
        public var lines: [ClaimLine]
        /// Frequency of the next submission.
        public var frequency: ClaimFrequency
        /// New charges minus old.
        public var chargeChange: Money
        /// Why.
        public var reason: String
        /// 42 CFR Part 2 sensitivity.
        public var substanceUse: Bool
        /// Denials the correction resolves.
        public var resolvedDenials: [DenialID]
        /// For a replacement (frequency 7): the payer's claim control number (CLP07) it replaces, sent as REF*F8.
        /// Absent on corrections recorded before it was kept.
        public var originalPayerClaimNumber: String?
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            diagnoses: [ICD10Code],
            lines: [ClaimLine],
            frequency: ClaimFrequency,
            chargeChange: Money,
            reason: String,
            substanceUse: Bool,
            resolvedDenials: [DenialID],
            originalPayerClaimNumber: String? = nil,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.originalPayerClaimNumber = originalPayerClaimNumber
            self.claimID = claimID
            self.diagnoses = diagnoses
            self.lines = lines
            self.frequency = frequency
            self.chargeChange = chargeChange
            self.reason = reason
            self.substanceUse = substanceUse
            self.resolvedDenials = resolvedDenials
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.voided`.
    public struct Voided: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Why.
        public var reason: String
        /// Charges taken off.
        public var chargesReversed: Money
        /// 8 when the payer must be told, else 1.
        public var frequency: ClaimFrequency
        /// Authorization whose units are released.
        public var authorizationNumber: String?
        /// Units released.
        public var authorizationUnitsReleased: Quantity
        /// Denials closed by the void.
        public var resolvedDenials: [DenialID]
        /// For a void the payer must be told of (frequency 8): the payer's claim control number (CLP07) it voids,
        /// sent as REF*F8. Absent on voids recorded before it was kept.
        public var originalPayerClaimNumber: String?
        /// The part of `chargesReversed` taken off the patient's balance: what the payer had put on the patient
        /// (PR-204, a copay) and the patient had not paid. Absent (none) on voids recorded before it was kept.
        public var returnedFromPatient: Money?
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            reason: String,
            chargesReversed: Money,
            frequency: ClaimFrequency,
            authorizationNumber: String?,
            authorizationUnitsReleased: Quantity,
            resolvedDenials: [DenialID],
            originalPayerClaimNumber: String? = nil,
            returnedFromPatient: Money? = nil,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.originalPayerClaimNumber = originalPayerClaimNumber
            self.returnedFromPatient = returnedFromPatient
            self.claimID = claimID
            self.reason = reason
            self.chargesReversed = chargesReversed
            self.frequency = frequency
            self.authorizationNumber = authorizationNumber
            self.authorizationUnitsReleased = authorizationUnitsReleased
            self.resolvedDenials = resolvedDenials
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.written_off`.
    public struct WrittenOff: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Amount.
        public var amount: Money
        /// Why.
        public var reason: WriteOffReason
        /// Which balance.
        public var side: BalanceSide
        /// The denial it resolves.
        public var denialID: DenialID?
        /// Other patient-responsibility denials (PR) it resolves: a patient-side write-off that clears the patient's
        /// balance settles them by policy. Absent: none (and on write-offs recorded before it was kept).
        public var resolvedDenials: [DenialID]?
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            amount: Money,
            reason: WriteOffReason,
            side: BalanceSide,
            denialID: DenialID?,
            resolvedDenials: [DenialID]? = nil,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.resolvedDenials = resolvedDenials
            self.claimID = claimID
            self.amount = amount
            self.reason = reason
            self.side = side
            self.denialID = denialID
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.patient_payment_applied`.
    public struct PatientPaymentApplied: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The payment.
        public var paymentID: PaymentID
        /// Amount.
        public var amount: Money
        /// Patient-responsibility denials (PR) the payment resolves: it paid the patient's balance in full. Absent:
        /// none (and on payments recorded before it was kept).
        public var resolvedDenials: [DenialID]?
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            paymentID: PaymentID,
            amount: Money,
            resolvedDenials: [DenialID]? = nil,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.resolvedDenials = resolvedDenials
            self.claimID = claimID
            self.paymentID = paymentID
            self.amount = amount
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.patient_refunded`.
    public struct PatientRefunded: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The refund.
        public var paymentID: PaymentID
        /// Amount.
        public var amount: Money
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            paymentID: PaymentID,
            amount: Money,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.claimID = claimID
            self.paymentID = paymentID
            self.amount = amount
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `claim.closed`.
    public struct Closed: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `claim.reopened`.
    public struct Reopened: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// Why.
        public var reason: String
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            claimID: ClaimID,
            reason: String,
            effectiveDate: LocalDate
        ) {
            self.claimID = claimID
            self.reason = reason
            self.effectiveDate = effectiveDate
        }
    }
}
