/// One 835 payment as inspect shows it.
public struct PaymentSummary: Sendable, Hashable, Codable {
    /// ST02.
    public var transactionControlNumber: String
    /// N1*PR name and REF*2U (or TRN03).
    public var payer: String
    /// The payer id: REF*2U, else TRN03.
    public var payerID: String?
    /// N1*PE name.
    public var payee: String
    /// N103:N104 (`XX:1234567893`).
    public var payeeID: String
    /// TRN02.
    public var traceNumber: String
    /// BPR01.
    public var handlingCode: String
    /// BPR04.
    public var method: String?
    /// BPR16.
    public var paymentDate: X12Date?
    /// BPR02, negative for a debit.
    public var bprAmount: X12Amount
    /// Σ CLP04.
    public var claimPaidTotal: X12Amount
    /// Σ PLB.
    public var providerAdjustmentTotal: X12Amount
    /// The verdict: the payment identity holds and no line or claim identity fails (SVC02 − SVC03 = Σ line CAS,
    /// CLP03 − CLP04 = Σ CAS). CLP05 findings are advisory and do not count.
    public var balanced: Bool
    /// The payment identity alone: BPR02 = Σ CLP04 − Σ PLB (what posting checks, `Remittance.isBalanced`).
    public var paymentBalanced: Bool
    /// Line findings (SVC02 − SVC03 ≠ Σ line CAS).
    public var lineFindings: Int
    /// Claim findings (CLP03 − CLP04 ≠ Σ claim and line CAS).
    public var claimFindings: Int
    /// Every balancing identity that fails (line, claim, patient responsibility, payment).
    public var findings: [BalanceFinding]
    /// One entry per CLP.
    public var claims: [ClaimEntry]

    /// One CLP.
    public struct ClaimEntry: Sendable, Hashable, Codable {
        /// The CLP's segment number.
        public var segment: Int
        /// CLP01.
        public var patientControlNumber: String
        /// CLP02.
        public var status: String
        /// CLP03.
        public var charge: X12Amount
        /// CLP04.
        public var paid: X12Amount
        /// CLP05.
        public var patientResponsibility: X12Amount?
        /// CLP07.
        public var payerClaimNumber: String?
        /// SVC count.
        public var lines: Int
    }

    init(_ remit: Remittance) {
        transactionControlNumber = remit.controlNumber
        payer = remit.payer.name
        payerID = remit.payerIdentifier
        payee = remit.payee.name
        payeeID = remit.payee.idQualifier + ":" + remit.payee.id
        traceNumber = remit.trace.number
        handlingCode = remit.payment.handlingCode
        method = remit.payment.method
        paymentDate = remit.payment.date
        bprAmount = remit.payment.signedAmount
        claimPaidTotal = remit.claimPaidTotal
        providerAdjustmentTotal = remit.providerAdjustmentTotal
        paymentBalanced = remit.isBalanced
        findings = remit.balanceFindings()
        lineFindings = findings.filter { $0.level == .line }.count
        claimFindings = findings.filter { $0.level == .claim }.count
        balanced = paymentBalanced && lineFindings == 0 && claimFindings == 0
        claims = remit.claims.map {
            ClaimEntry(segment: $0.segmentNumber, patientControlNumber: $0.patientControlNumber, status: $0.status, charge: $0.charge,
                       paid: $0.paid, patientResponsibility: $0.patientResponsibility, payerClaimNumber: $0.payerClaimNumber,
                       lines: $0.lines.count)
        }
    }
}

/// Totals over every 835 payment of a file.
public struct PaymentTotals: Sendable, Hashable, Codable {
    /// Payments (835 transaction sets).
    public var payments: Int
    /// CLP segments.
    public var claims: Int
    /// Σ BPR02 (debits negative).
    public var bprAmount: X12Amount
    /// Σ CLP03.
    public var chargeTotal: X12Amount
    /// Σ CLP04.
    public var claimPaidTotal: X12Amount
    /// Σ CLP05.
    public var patientResponsibilityTotal: X12Amount
    /// Σ PLB.
    public var providerAdjustmentTotal: X12Amount
    /// Every payment balances (its verdict: payment, claim and line identities).
    public var balanced: Bool
    /// Every payment's BPR02 = Σ CLP04 − Σ PLB.
    public var paymentBalanced: Bool
    /// Payments whose verdict is not balanced.
    public var unbalancedPayments: Int

    init(_ payments: [PaymentSummary]) {
        self.payments = payments.count
        claims = payments.map(\.claims.count).reduce(0, +)
        bprAmount = payments.map(\.bprAmount).sum()
        chargeTotal = payments.flatMap(\.claims).map(\.charge).sum()
        claimPaidTotal = payments.map(\.claimPaidTotal).sum()
        patientResponsibilityTotal = payments.flatMap(\.claims).compactMap(\.patientResponsibility).sum()
        providerAdjustmentTotal = payments.map(\.providerAdjustmentTotal).sum()
        balanced = payments.allSatisfy(\.balanced)
        paymentBalanced = payments.allSatisfy(\.paymentBalanced)
        unbalancedPayments = payments.filter { !$0.balanced }.count
    }
}
