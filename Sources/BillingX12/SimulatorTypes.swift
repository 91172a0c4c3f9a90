import X12

/// The simulator's knobs: percentages out of 100 and the fee schedules it prices with.
public struct SimulatorSettings: Sendable, Hashable {
    /// Claims rejected by the 277CA (A6, A7 or A8).
    public var rejectPercent: Int
    /// Accepted claims denied on the 835.
    public var denyPercent: Int
    /// Paid claims reversed (CLP02 22) and adjudicated again in a later run.
    public var reversePercent: Int
    /// Payments to a payee that carry PLB L6 interest on one of their claims.
    public var interestPercent: Int
    /// Claims of two lines or more paid in two parts: some lines in the first 835, the rest in the follow-up.
    public var splitPercent: Int
    /// Members of a payer that crosses claims over (Medicare) who have a supplemental plan: their claims come back
    /// CLP02 19 with NM1*TT.
    public var crossoverPercent: Int
    /// Paid claims found overpaid on review and recouped in a later run (PLB WO naming their CLP07).
    public var recoupPercent: Int
    /// Reversals whose overpayment the provider had already refunded by check (PLB 72 gives it back).
    public var refundPercent: Int
    /// Reversals whose new adjudication comes in a later 835 than the reversal.
    public var laterReadjudicationPercent: Int
    /// Payments to a payee that carry a PLB CS adjustment.
    public var adjustmentPercent: Int
    /// Allowed amount per unit by payer id and code; codes not listed use `PayerSimulator.standardRates`,
    /// then 60 % of the charge.
    public var feeSchedules: [String: [String: X12Amount]]

    /// Settings; the defaults give a believable mix.
    public init(
        rejectPercent: Int = 4, denyPercent: Int = 12, reversePercent: Int = 6, interestPercent: Int = 25,
        splitPercent: Int = 5, crossoverPercent: Int = 30, recoupPercent: Int = 3, refundPercent: Int = 25,
        laterReadjudicationPercent: Int = 30, adjustmentPercent: Int = 5, feeSchedules: [String: [String: X12Amount]] = [:]
    ) {
        self.rejectPercent = rejectPercent
        self.denyPercent = denyPercent
        self.reversePercent = reversePercent
        self.interestPercent = interestPercent
        self.splitPercent = splitPercent
        self.crossoverPercent = crossoverPercent
        self.recoupPercent = recoupPercent
        self.refundPercent = refundPercent
        self.laterReadjudicationPercent = laterReadjudicationPercent
        self.adjustmentPercent = adjustmentPercent
        self.feeSchedules = feeSchedules
    }

    /// Nothing but plain payments: no rejection, denial, reversal, interest, split, crossover, recoupment or
    /// adjustment (tests switch on what they look at).
    public static let plain = SimulatorSettings(
        rejectPercent: 0, denyPercent: 0, reversePercent: 0, interestPercent: 0, splitPercent: 0, crossoverPercent: 0,
        recoupPercent: 0, refundPercent: 0, laterReadjudicationPercent: 0, adjustmentPercent: 0)
}

/// Control numbers, ids and dates of the simulated answers (no clock inside).
public struct SimulatorControls: Sendable, Hashable {
    /// ISA05 of the 999s and 277CAs.
    public var senderQualifier: String
    /// ISA06 of the 999s and 277CAs (the clearinghouse); each payer's 835s carry the payer's own.
    public var senderID: String
    /// Kept for callers of earlier versions; the 277CA now names the payer.
    public var senderName: String
    /// The date of the 999 and 277CA: the day of the run.
    public var date: X12Date
    /// ISA10/GS05 of every answer.
    public var time: X12Time
    /// The first ISA13/GS06; each file takes the next.
    public var firstControlNumber: Int
    /// Days from `date` to the first 835s.
    public var remittanceDays: Int
    /// Days from `date` to the follow-up 835s (second parts of split claims, later re-adjudications, balances).
    public var followUpDays: Int

    /// Controls.
    public init(
        senderQualifier: String = "ZZ", senderID: String, senderName: String = "Payer Simulator", date: X12Date,
        time: X12Time, firstControlNumber: Int, remittanceDays: Int = 14, followUpDays: Int = 28
    ) {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.senderName = senderName
        self.date = date
        self.time = time
        self.firstControlNumber = firstControlNumber
        self.remittanceDays = remittanceDays
        self.followUpDays = followUpDays
    }
}

/// What the simulator did with a claim of this run, or (for reversals) with a claim it paid in an earlier run.
public enum SimulatedOutcome: Sendable, Hashable {
    /// Paid (contractual adjustment and patient responsibility as the plan says).
    case paid
    /// Rejected by the 277CA: never adjudicated.
    case rejected(category: String, statusCode: String)
    /// Denied on the 835 (CLP02 4, or one line for CO-97 on a claim with several lines).
    case denied(group: String, reason: String, wholeClaim: Bool)
    /// A void (frequency 8) accepted by the 277CA; no remittance follows.
    case voidAccepted
    /// Paid in two parts: `first` lines in the first 835, `later` lines in the follow-up.
    case split(first: Int, later: Int)
    /// Paid as primary and forwarded (CLP02 19) to the supplemental payer `to` (NM1*TT NM109).
    case crossover(to: String)
    /// Paid in an earlier run, reversed (CLP02 22) in this one and adjudicated again in this run's first 835 or
    /// (`laterFile`) its follow-up.
    case reversedAndReadjudicated(laterFile: Bool)
    /// Denied in an earlier run, appealed, and paid on appeal in this one (CLP02 1, the denial's CLP07).
    case overturnedOnAppeal
}

/// One file the simulator wrote.
public struct SimulatedFile: Sendable, Hashable {
    /// `999`, `277CA`, `835`.
    public var kind: String
    /// A file name: kind, payer and ISA13.
    public var name: String
    /// The X12 bytes.
    public var bytes: [UInt8]
}

/// Something a payer did in this run to a claim it had paid before, or with money a payee owed.
public enum SimulatedEvent: Sendable, Hashable {
    /// Reversed the claim's payment (CLP07 `payerClaimNumber`).
    case reversed(claimNumber: String, payerClaimNumber: String)
    /// Took back `amount` with a PLB WO naming `payerClaimNumber`.
    case recouped(claimNumber: String, payerClaimNumber: String, amount: X12Amount)
    /// Gave back `amount` with a PLB 72 (the provider had refunded it) naming `payerClaimNumber`.
    case refundAcknowledged(claimNumber: String, payerClaimNumber: String, amount: X12Amount)
    /// Carried `amount` the payee owes to a later 835 (PLB FB, negative) or took it back (positive).
    case forwardBalance(payer: String, payeeNPI: String, amount: X12Amount)
}

/// The payers' answer to the 837P interchanges of one run.
public struct PayerResponse: Sendable, Hashable {
    /// The 999s, one per interchange, accepting each transaction set.
    public var implementationAcknowledgments: [ImplementationAcknowledgment]
    /// The 277CAs, one transaction set per interchange and payer, accepting or rejecting each claim.
    public var claimAcknowledgments: [ClaimAcknowledgment]
    /// First 835s: per payer, one transaction set per payee.
    public var remittances: [Remittance]
    /// Follow-up 835s: second parts of split claims, re-adjudications after a reversal, balances carried.
    public var followUps: [Remittance]
    /// Claim number → what happened to it in this run.
    public var outcomes: [String: SimulatedOutcome]
    /// What payers did to earlier payments in this run.
    public var events: [SimulatedEvent]
    /// The files, in the order to import them: per interchange its 999 and 277CA, then first 835s, then follow-ups.
    public var files: [SimulatedFile]
    /// The next free control number.
    public var nextControlNumber: Int

    /// The first interchange's 999.
    public var implementationAcknowledgment: ImplementationAcknowledgment? { implementationAcknowledgments.first }
    /// Every claim status of every 277CA.
    public var claimStatuses: [ClaimStatus] { claimAcknowledgments.flatMap(\.claims) }
}
