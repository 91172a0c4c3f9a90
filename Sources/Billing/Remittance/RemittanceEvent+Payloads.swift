extension RemittanceEvent {
    /// Payload of `remittance.received` (version 2).
    public struct Received: Codable, Sendable, Equatable {
        /// The catalog payer the 835 was matched to by its X12 ids (before payers were matched: the 835's own
        /// REF*2U, else TRN03).
        public var payerID: PayerID
        /// TRN02: the check or EFT trace number.
        public var traceNumber: String
        /// BPR02 with its sign (negative for a debit).
        public var amount: Money
        /// BPR16, when present.
        public var paymentDate: LocalDate?
        /// ST02 of the 835.
        public var transactionControlNumber: String
        /// The SHA-256 of the file (its key in the PHI store), lower-case hex.
        public var fileSHA256: String
        /// Whether BPR02 = ΣCLP04 − ΣPLB (an unbalanced payment posts only when accepted with a reason).
        public var balanced: Bool
        /// The number of claim payments (CLP) in the transaction set.
        public var claims: Int
        /// The payee as the 835 names it (N103:N104, e.g. `XX:1234567893`); absent on payments posted before.
        public var payee: String?
        /// BPR04: `CHK`, `ACH`, `NON`…; absent on payments posted before.
        public var method: String?
        /// The 835's payer ids (REF*2U, TRN03, TRN04) as sent; absent on payments posted before.
        public var payerIdentifiers: [String]?
        /// Each claim payment posted to a claim, with what it paid; absent on payments posted before.
        public var postedClaims: [PostedClaim]?
        /// Σ PLB; absent on payments posted before.
        public var providerAdjustmentTotal: Money?

        /// A payload with every field.
        public init(
            payerID: PayerID, traceNumber: String, amount: Money, paymentDate: LocalDate?, transactionControlNumber: String,
            fileSHA256: String, balanced: Bool, claims: Int, payee: String? = nil, method: String? = nil, payerIdentifiers: [String]? = nil,
            postedClaims: [PostedClaim]? = nil, providerAdjustmentTotal: Money? = nil
        ) {
            self.payee = payee
            self.method = method
            self.payerIdentifiers = payerIdentifiers
            self.postedClaims = postedClaims
            self.providerAdjustmentTotal = providerAdjustmentTotal
            self.payerID = payerID
            self.traceNumber = traceNumber
            self.amount = amount
            self.paymentDate = paymentDate
            self.transactionControlNumber = transactionControlNumber
            self.fileSHA256 = fileSHA256
            self.balanced = balanced
            self.claims = claims
        }
    }

    /// One CLP of a payment posted to a claim.
    public struct PostedClaim: Codable, Sendable, Equatable {
        /// CLP01: our claim number.
        public var claimNumber: ClaimNumber
        /// CLP02.
        public var statusCode: String
        /// CLP07.
        public var payerClaimNumber: String?
        /// CLP03.
        public var charge: Money
        /// CLP04.
        public var paid: Money
        /// CLP05.
        public var patientResponsibility: Money?

        /// A posted claim payment.
        public init(
            claimNumber: ClaimNumber, statusCode: String, payerClaimNumber: String?, charge: Money, paid: Money, patientResponsibility: Money?
        ) {
            self.claimNumber = claimNumber
            self.statusCode = statusCode
            self.payerClaimNumber = payerClaimNumber
            self.charge = charge
            self.paid = paid
            self.patientResponsibility = patientResponsibility
        }
    }

    /// Payload of `remittance.unapplied` (version 2): a claim payment or line kept as unapplied remittance.
    public struct Unapplied: Codable, Sendable, Equatable {
        /// The item's id within its payment (`U1`, `U2`…), by which a person works it; absent on items kept before.
        public var itemID: String?
        /// CLP01 as sent (our claim number, or a number we do not know).
        public var patientControlNumber: String
        /// CLP02.
        public var statusCode: String
        /// CLP07, when sent.
        public var payerClaimNumber: String?
        /// REF*6R of the line, for a line entry.
        public var lineControlNumber: String?
        /// SVC01's procedure code, for a line entry.
        public var procedureCode: String?
        /// CLP03 or SVC02.
        public var charge: Money
        /// CLP04 or SVC03: money received and not applied.
        public var paid: Money
        /// Why it was not applied, as a sentence for a poster (claim numbers and amounts only).
        public var reason: String

        /// A payload with every field.
        public init(
            patientControlNumber: String, statusCode: String, payerClaimNumber: String?, lineControlNumber: String?,
            procedureCode: String?, charge: Money, paid: Money, reason: String, itemID: String? = nil
        ) {
            self.itemID = itemID
            self.patientControlNumber = patientControlNumber
            self.statusCode = statusCode
            self.payerClaimNumber = payerClaimNumber
            self.lineControlNumber = lineControlNumber
            self.procedureCode = procedureCode
            self.charge = charge
            self.paid = paid
            self.reason = reason
        }
    }

    /// Payload of `remittance.provider_adjustment` (version 2): one PLB item.
    public struct ProviderAdjustment: Codable, Sendable, Equatable {
        /// PLB01: the provider as the payer identifies it.
        public var providerID: String
        /// PLB02: the end of the provider's fiscal period.
        public var fiscalPeriodDate: LocalDate
        /// PLB03-1: the adjustment reason code (L6, WO, FB, …).
        public var reason: String
        /// PLB03-2: often the payer claim number a recoupment applies to.
        public var reference: String?
        /// Positive reduces the payment, negative increases it.
        public var amount: Money
        /// What kind of item it is.
        public var kind: ProviderAdjustmentKind
        /// Our claim the reference names, when known.
        public var claimNumber: ClaimNumber?

        /// A payload with every field.
        public init(
            providerID: String, fiscalPeriodDate: LocalDate, reason: String, reference: String?, amount: Money,
            kind: ProviderAdjustmentKind, claimNumber: ClaimNumber?
        ) {
            self.providerID = providerID
            self.fiscalPeriodDate = fiscalPeriodDate
            self.reason = reason
            self.reference = reference
            self.amount = amount
            self.kind = kind
            self.claimNumber = claimNumber
        }
    }
}
