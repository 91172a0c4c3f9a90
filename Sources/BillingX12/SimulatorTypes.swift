import X12

/// The simulator's knobs: percentages out of 100 and the fee schedules it prices with.
public struct SimulatorSettings: Sendable, Hashable {
    /// Claims rejected by the 277CA (A7).
    public var rejectPercent: Int
    /// Accepted claims denied on the 835.
    public var denyPercent: Int
    /// Paid claims reversed and re-adjudicated in the follow-up 835.
    public var reversePercent: Int
    /// Payments that carry L6 interest.
    public var interestPercent: Int
    /// Allowed amount per unit by payer id and code; codes not listed use `PayerSimulator.standardRates`,
    /// then 60 % of the charge.
    public var feeSchedules: [String: [String: X12Amount]]

    /// Settings; the defaults give a believable mix.
    public init(
        rejectPercent: Int = 4, denyPercent: Int = 12, reversePercent: Int = 6, interestPercent: Int = 25,
        feeSchedules: [String: [String: X12Amount]] = [:]
    ) {
        self.rejectPercent = rejectPercent
        self.denyPercent = denyPercent
        self.reversePercent = reversePercent
        self.interestPercent = interestPercent
        self.feeSchedules = feeSchedules
    }
}

/// Control numbers, ids and dates of the simulated answers (no clock inside).
public struct SimulatorControls: Sendable, Hashable {
    /// ISA05 of the answers.
    public var senderQualifier: String
    /// ISA06 of the answers (the clearinghouse or payer).
    public var senderID: String
    /// NM1 name of the clearinghouse in the 277CA.
    public var senderName: String
    /// The date of the 999 and 277CA.
    public var date: X12Date
    /// ISA10/GS05 of every answer.
    public var time: X12Time
    /// The first ISA13/GS06; each file takes the next.
    public var firstControlNumber: Int
    /// Days from `date` to the first 835.
    public var remittanceDays: Int
    /// Days from `date` to the follow-up 835 (reversals, re-adjudications, recoupments).
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

/// What the simulator did with a claim.
public enum SimulatedOutcome: Sendable, Hashable {
    /// Paid (contractual adjustment and patient responsibility as the plan says).
    case paid
    /// Rejected by the 277CA: never adjudicated.
    case rejected(category: String, statusCode: String)
    /// Denied on the 835 (CLP02 4, or one line for CO-97 on a claim with several lines).
    case denied(group: String, reason: String, wholeClaim: Bool)
    /// A void (frequency 8) accepted by the 277CA; no remittance follows.
    case voidAccepted
    /// Paid, then reversed (CLP02 22) and paid again under a new payer claim number in the follow-up.
    case reversedAndReadjudicated
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

/// The payers' answer to one 837P interchange.
public struct PayerResponse: Sendable, Hashable {
    /// The 999 accepting the transaction set.
    public var implementationAcknowledgment: ImplementationAcknowledgment
    /// The 277CA accepting or rejecting each claim.
    public var claimAcknowledgment: ClaimAcknowledgment
    /// First 835s: one transaction set per payer and billing provider.
    public var remittances: [Remittance]
    /// Later 835s: reversals with their re-adjudications, interest and a recoupment.
    public var followUps: [Remittance]
    /// Claim number → what happened.
    public var outcomes: [String: SimulatedOutcome]
    /// The files, in the order to import them: 999, 277CA, 835s, follow-up 835s.
    public var files: [SimulatedFile]
    /// The next free control number.
    public var nextControlNumber: Int
}
