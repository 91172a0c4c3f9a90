/// A 276 batch (005010X212): claim status requests to one payer, from one submitter, for one billing provider's
/// claims. The writer turns it into bytes; the reader gives back `ClaimStatusInquirySet`s.
public struct ClaimStatusInquiryBatch: Sendable, Hashable, Codable {
    /// ISA/GS data (GS01 `HR`).
    public var envelope: InterchangeEnvelope
    /// ST02 of the first set; further sets count up.
    public var firstTransactionControlNumber: Int
    /// BHT03: the submitter's reference.
    public var reference: String
    /// Loop 2100A: the payer asked (NM1*PR with its payer id).
    public var payer: InformationSource
    /// Loop 2100B: the information receiver, the submitter (NM1*41 with its ETIN, qualifier 46).
    public var submitter: InformationSource
    /// Loop 2100C: the service provider (NM1*1P with its NPI).
    public var provider: InformationReceiver
    /// One per claim (loop 2000D, the subscriber, with 2200D).
    public var inquiries: [ClaimStatusInquiry]
    /// At most this many claims per transaction set.
    public var inquiriesPerSet: Int

    /// A batch.
    public init(envelope: InterchangeEnvelope, firstTransactionControlNumber: Int = 1, reference: String, payer: InformationSource,
                submitter: InformationSource, provider: InformationReceiver, inquiries: [ClaimStatusInquiry], inquiriesPerSet: Int = 99) {
        self.envelope = envelope
        self.firstTransactionControlNumber = firstTransactionControlNumber
        self.reference = reference
        self.payer = payer
        self.submitter = submitter
        self.provider = provider
        self.inquiries = inquiries
        self.inquiriesPerSet = inquiriesPerSet
    }
}

/// One claim asked about (loops 2000D/2100D/2200D of a 276): the subscriber, our trace, the claim's number and charge.
public struct ClaimStatusInquiry: Sendable, Hashable, Codable {
    /// TRN*1 TRN02: our trace, echoed by the 277 in TRN*2.
    public var trace: String
    /// NM1*IL with the member id, DMG (PHI).
    public var subscriber: Member
    /// REF*EJ: the patient control number we sent as CLM01.
    public var claimNumber: String
    /// REF*1K: the payer's claim control number, when the payer gave one.
    public var payerClaimNumber: String?
    /// AMT*T3: the claim's total charge.
    public var charge: X12Amount
    /// DTP*472: the claim's dates of service.
    public var serviceDates: DatePeriod

    /// An inquiry.
    public init(trace: String, subscriber: Member, claimNumber: String, payerClaimNumber: String? = nil, charge: X12Amount, serviceDates: DatePeriod) {
        self.trace = trace
        self.subscriber = subscriber
        self.claimNumber = claimNumber
        self.payerClaimNumber = payerClaimNumber
        self.charge = charge
        self.serviceDates = serviceDates
    }
}

/// One 276 transaction set as read.
public struct ClaimStatusInquirySet: Sendable, Hashable, Codable {
    /// ST02.
    public var controlNumber: String
    /// BHT03.
    public var reference: String?
    /// Loop 2100A.
    public var payer: InformationSource
    /// Loop 2100C.
    public var provider: InformationReceiver?
    /// The claims asked about, in file order.
    public var inquiries: [ClaimStatusInquiry]
    /// The ST segment's number in the file.
    public var segmentNumber: Int
}
