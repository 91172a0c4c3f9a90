/// One 277 transaction set answering claim status requests (005010X212): per claim, the payer's status.
public struct ClaimStatusResponse: Sendable, Hashable, Codable {
    /// ST02.
    public var controlNumber: String
    /// BHT03.
    public var reference: String?
    /// BHT04.
    public var date: X12Date?
    /// Loop 2100A: the payer answering.
    public var payer: InformationSource
    /// Loop 2100B: the receiver (the submitter).
    public var receiver: InformationSource
    /// Loop 2100C: the service provider.
    public var provider: InformationReceiver
    /// Loops 2000D/2200D, in file order.
    public var claims: [ClaimStatusAnswer]
    /// The ST segment's number in the file.
    public var segmentNumber: Int

    /// A response.
    public init(controlNumber: String, reference: String? = nil, date: X12Date? = nil, payer: InformationSource, receiver: InformationSource,
                provider: InformationReceiver, claims: [ClaimStatusAnswer], segmentNumber: Int = 0) {
        self.controlNumber = controlNumber
        self.reference = reference
        self.date = date
        self.payer = payer
        self.receiver = receiver
        self.provider = provider
        self.claims = claims
        self.segmentNumber = segmentNumber
    }
}

/// Loop 2200D (or 2200E) of a 277: one claim's status.
public struct ClaimStatusAnswer: Sendable, Hashable, Codable {
    /// NM1*IL (or NM1*QC): the member, PHI.
    public var member: Member
    /// TRN*2 TRN02: our 276's trace echoed.
    public var trace: String
    /// STC segments, the first being the claim's current status (category `P…` pending, `F…` finalized, `A…`
    /// acknowledgment, `R…` request for information, `E…` response not possible: `E0`, or `A4` not found).
    public var statuses: [StatusInfo]
    /// REF*1K: the payer's claim control number.
    public var payerClaimNumber: String?
    /// REF*EJ: our claim number (CLM01) echoed.
    public var claimNumber: String?
    /// DTP*472: the dates of service.
    public var serviceDates: DatePeriod?
    /// The segment number of the claim's TRN.
    public var segmentNumber: Int

    /// An answer.
    public init(member: Member, trace: String, statuses: [StatusInfo], payerClaimNumber: String? = nil, claimNumber: String? = nil,
                serviceDates: DatePeriod? = nil, segmentNumber: Int = 0) {
        self.member = member
        self.trace = trace
        self.statuses = statuses
        self.payerClaimNumber = payerClaimNumber
        self.claimNumber = claimNumber
        self.serviceDates = serviceDates
        self.segmentNumber = segmentNumber
    }

    /// STC01-1 of the first STC.
    public var category: String? { statuses.first?.category }
}
