/// Everything typed a file holds, read in one call: `try X12File(bytes:fileName:).contents()`.
public struct X12Contents: Sendable, Hashable {
    /// 835 transaction sets.
    public var remittances: [Remittance]
    /// 999 transaction sets.
    public var implementationAcknowledgments: [ImplementationAcknowledgment]
    /// 277CA transaction sets.
    public var claimAcknowledgments: [ClaimAcknowledgment]
    /// 837P transaction sets.
    public var professionalClaims: [ProfessionalClaimInterchange]
    /// 270 transaction sets.
    public var eligibilityInquiries: [EligibilityInquirySet]
    /// 271 transaction sets.
    public var eligibilityResponses: [EligibilityResponse]
    /// 276 transaction sets.
    public var claimStatusInquiries: [ClaimStatusInquirySet] = []
    /// 277 claim status responses (005010X212).
    public var claimStatusResponses: [ClaimStatusResponse] = []
    /// TA1 segments.
    public var interchangeAcknowledgments: [InterchangeAcknowledgment]
    /// Envelope and transaction warnings, in file order of discovery.
    public var warnings: [X12Warning]
}

extension X12File {
    /// Reads every transaction set this module knows (835, 999, 277CA, 837, 270, 271, 276, 277 X212); others are
    /// listed as warnings.
    public func contents() throws(X12Error) -> X12Contents {
        let remits = try remittances()
        let acks = try implementationAcknowledgments()
        let claimAcks = try claimAcknowledgments()
        let claims = try professionalClaims()
        let inquiries = try eligibilityInquiries()
        let responses = try eligibilityResponses()
        let statusInquiries = try claimStatusInquiries()
        let statusResponses = try claimStatusResponses()
        var warnings = self.warnings + remits.warnings + acks.warnings + claimAcks.warnings + claims.warnings + inquiries.warnings
            + responses.warnings + statusInquiries.warnings + statusResponses.warnings
        for set in transactionSets where !["835", "999", "277", "837", "270", "271", "276"].contains(set.id) {
            let st = Segment(store: store, index: set.segmentIndices.lowerBound, separators: set.separators)
            warnings.append(X12Warning(at: st.location(1), "transaction set \(set.controlNumber) is a \(quoted(st.bytes(1))), which this module does not read"))
        }
        return X12Contents(remittances: remits.remittances, implementationAcknowledgments: acks.acknowledgments,
                           claimAcknowledgments: claimAcks.acknowledgments, professionalClaims: claims.interchanges,
                           eligibilityInquiries: inquiries.sets, eligibilityResponses: responses.responses,
                           claimStatusInquiries: statusInquiries.sets, claimStatusResponses: statusResponses.responses,
                           interchangeAcknowledgments: interchangeAcknowledgments, warnings: warnings)
    }
}
