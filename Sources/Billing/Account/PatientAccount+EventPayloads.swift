extension PatientAccount.Event {
    /// Payload of `account.opened`.
    public struct Opened: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// True for a self-pay or out-of-network client.
        public var selfPay: Bool
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            selfPay: Bool,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.selfPay = selfPay
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `account.charge_posted`.
    public struct ChargePosted: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// Where it comes from.
        public var source: ChargeSource
        /// Amount.
        public var amount: Money
        /// True when self-pay charges now exceed the latest Good Faith Estimate by 400.00 or more.
        public var goodFaithEstimateExceeded: Bool
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            source: ChargeSource,
            amount: Money,
            goodFaithEstimateExceeded: Bool,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.patientKey = patientKey
            self.source = source
            self.amount = amount
            self.goodFaithEstimateExceeded = goodFaithEstimateExceeded
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `account.charge_reversed`.
    public struct ChargeReversed: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// Where it came from.
        public var source: ChargeSource
        /// Amount.
        public var amount: Money
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            source: ChargeSource,
            amount: Money,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.patientKey = patientKey
            self.source = source
            self.amount = amount
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `account.payment_received`.
    public struct PaymentReceived: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The payment.
        public var paymentID: PaymentID
        /// Amount.
        public var amount: Money
        /// How.
        public var method: PaymentMethod
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            paymentID: PaymentID,
            amount: Money,
            method: PaymentMethod,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.patientKey = patientKey
            self.paymentID = paymentID
            self.amount = amount
            self.method = method
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `account.refund_issued`.
    public struct RefundIssued: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
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
            patientKey: PatientKey,
            paymentID: PaymentID,
            amount: Money,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.patientKey = patientKey
            self.paymentID = paymentID
            self.amount = amount
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `account.adjusted`.
    public struct Adjusted: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// Amount.
        public var amount: Money
        /// Why.
        public var reason: String
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            amount: Money,
            reason: String,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.patientKey = patientKey
            self.amount = amount
            self.reason = reason
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `account.written_off`.
    public struct WrittenOff: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// Amount.
        public var amount: Money
        /// Why.
        public var reason: WriteOffReason
        /// Business date.
        public var effectiveDate: LocalDate
        /// Accounting period.
        public var period: AccountingPeriod

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            amount: Money,
            reason: WriteOffReason,
            effectiveDate: LocalDate,
            period: AccountingPeriod
        ) {
            self.patientKey = patientKey
            self.amount = amount
            self.reason = reason
            self.effectiveDate = effectiveDate
            self.period = period
        }
    }

    /// Payload of `account.statement_generated`.
    public struct StatementGenerated: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The statement.
        public var documentID: DocumentID
        /// Balance due.
        public var amountDue: Money
        /// Pay by.
        public var dueDate: LocalDate
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            documentID: DocumentID,
            amountDue: Money,
            dueDate: LocalDate,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.documentID = documentID
            self.amountDue = amountDue
            self.dueDate = dueDate
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `account.estimate_created`.
    public struct EstimateCreated: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The estimate.
        public var documentID: DocumentID
        /// Expected services.
        public var items: [EstimateItem]
        /// Expected total.
        public var total: Money
        /// Last date of service covered.
        public var validThrough: LocalDate
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            documentID: DocumentID,
            items: [EstimateItem],
            total: Money,
            validThrough: LocalDate,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.documentID = documentID
            self.items = items
            self.total = total
            self.validThrough = validThrough
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `account.superbill_issued`.
    public struct SuperbillIssued: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The superbill.
        public var documentID: DocumentID
        /// Its contents.
        public var superbill: Superbill
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            documentID: DocumentID,
            superbill: Superbill,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.documentID = documentID
            self.superbill = superbill
            self.effectiveDate = effectiveDate
        }
    }
}
