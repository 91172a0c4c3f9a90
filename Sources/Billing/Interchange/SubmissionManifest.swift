/// What was sent in one 837P transaction set, to record in events and to match the 999 (AK2 = ST02) and the
/// 277CA (TRN*2 = BHT03 at the receiver level, CLM01 per claim).
public struct SubmissionManifest: Sendable, Hashable, Codable {
    /// ISA13.
    public var interchangeControlNumber: Int
    /// GS06, echoed in AK102.
    public var groupControlNumber: Int
    /// ST02, echoed in AK202.
    public var transactionControlNumber: String
    /// BHT03.
    public var batchReference: String
    /// The payer id (2010BB NM109).
    public var payerID: String
    /// CLM01 of every claim in the set, in file order.
    public var claimNumbers: [String]

    /// A manifest.
    public init(
        interchangeControlNumber: Int, groupControlNumber: Int, transactionControlNumber: String,
        batchReference: String, payerID: String, claimNumbers: [String]
    ) {
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionControlNumber = transactionControlNumber
        self.batchReference = batchReference
        self.payerID = payerID
        self.claimNumbers = claimNumbers
    }
}
