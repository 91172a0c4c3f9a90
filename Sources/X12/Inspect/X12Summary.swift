/// What a file holds, for `rcm x12 inspect` and auditors: envelopes, transactions, and for each 835 payment
/// BPR02, Σ CLP04, Σ PLB and whether it balances, with one entry per CLP. Codable (JSON) and printable as
/// text. Holds no names or member ids.
public struct X12Summary: Sendable, Hashable, Codable {
    /// The file name given.
    public var file: String?
    /// Segments in the file.
    public var segmentCount: Int
    /// Envelopes.
    public var interchanges: [InterchangeSummary]
    /// One per 835 transaction set.
    public var payments: [PaymentSummary]
    /// Totals over every payment in the file; nil when there is no 835.
    public var paymentTotals: PaymentTotals?
    /// One per 999.
    public var implementationAcknowledgments: [ImplementationAcknowledgment.Summary]
    /// One per 277CA.
    public var claimAcknowledgments: [ClaimAcknowledgment.Summary]
    /// One per 837P transaction set.
    public var professionalClaims: [ProfessionalClaimInterchange.Summary]
    /// One per 270 transaction set.
    public var eligibilityInquiries: [EligibilityInquirySet.Summary]
    /// One per 271 transaction set.
    public var eligibilityResponses: [EligibilityResponse.Summary]
    /// One per 276 transaction set.
    public var claimStatusInquiries: [ClaimStatusInquirySet.Summary]
    /// One per 277 claim status response (005010X212).
    public var claimStatusResponses: [ClaimStatusResponse.Summary]
    /// TA1 segments.
    public var interchangeAcknowledgments: [InterchangeAcknowledgment]
    /// Warnings, as text.
    public var warnings: [String]

    /// Reads `bytes` and summarises them; throws the precise error for a malformed file.
    public init(bytes: [UInt8], fileName: String? = nil) throws(X12Error) {
        try self.init(file: X12File(bytes: bytes, fileName: fileName))
    }

    /// Summarises a file already read.
    public init(file x12: X12File) throws(X12Error) {
        let contents = try x12.contents()
        file = x12.fileName
        segmentCount = x12.segmentCount
        interchanges = x12.interchanges.map(InterchangeSummary.init)
        payments = contents.remittances.map(PaymentSummary.init)
        paymentTotals = payments.isEmpty ? nil : PaymentTotals(payments)
        implementationAcknowledgments = contents.implementationAcknowledgments.map(\.summary)
        claimAcknowledgments = contents.claimAcknowledgments.map(\.summary)
        professionalClaims = contents.professionalClaims.map(\.summary)
        eligibilityInquiries = contents.eligibilityInquiries.map(\.summary)
        eligibilityResponses = contents.eligibilityResponses.map(\.summary)
        claimStatusInquiries = contents.claimStatusInquiries.map(\.summary)
        claimStatusResponses = contents.claimStatusResponses.map(\.summary)
        interchangeAcknowledgments = contents.interchangeAcknowledgments
        warnings = contents.warnings.map(\.description)
    }

    /// An interchange with its groups and sets.
    public struct InterchangeSummary: Sendable, Hashable, Codable {
        /// ISA13.
        public var controlNumber: String
        /// ISA05:ISA06.
        public var sender: String
        /// ISA07:ISA08.
        public var receiver: String
        /// ISA09 and ISA10.
        public var dateTime: String
        /// ISA15.
        public var usage: String
        /// Functional groups.
        public var groups: [GroupSummary]

        init(_ interchange: Interchange) {
            controlNumber = interchange.controlNumber
            sender = interchange.senderQualifier + ":" + interchange.senderID
            receiver = interchange.receiverQualifier + ":" + interchange.receiverID
            dateTime = interchange.date + " " + interchange.time
            usage = interchange.usage
            groups = interchange.groups.map(GroupSummary.init)
        }
    }

    /// A functional group.
    public struct GroupSummary: Sendable, Hashable, Codable {
        /// GS01.
        public var functionalID: String
        /// GS06.
        public var controlNumber: String
        /// GS08.
        public var version: String
        /// ST01, ST02 and segment count of each set.
        public var transactionSets: [SetSummary]

        init(_ group: FunctionalGroup) {
            functionalID = group.functionalID
            controlNumber = group.controlNumber
            version = group.version
            transactionSets = group.transactionSets.map {
                SetSummary(id: $0.id, controlNumber: $0.controlNumber, implementation: $0.implementation, segmentCount: $0.segmentCount)
            }
        }
    }

    /// A transaction set's envelope.
    public struct SetSummary: Sendable, Hashable, Codable {
        /// ST01.
        public var id: String
        /// ST02.
        public var controlNumber: String
        /// ST03 or GS08.
        public var implementation: String
        /// ST through SE.
        public var segmentCount: Int
    }
}
