extension ClaimStatusInquirySet {
    /// A 276 as inspect shows it: the claims asked about by our claim number, charge and dates; no names, member ids
    /// or birth dates.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// BHT03.
        public var reference: String?
        /// NM103 and NM109 of loop 2100A (the payer asked).
        public var payer: String
        /// Claims asked about (loops 2200D/E).
        public var inquiries: Int
        /// Σ AMT*T3 of the claims.
        public var totalCharge: X12Amount
        /// One line per claim: `RC-1001 trace 77-1 charge 120.01 dates 2026-10-01 payer # ICN2`.
        public var claims: [String]
    }

    /// The summary.
    public var summary: Summary {
        Summary(
            controlNumber: controlNumber, reference: reference, payer: "\(payer.name) (\(payer.id))", inquiries: inquiries.count,
            totalCharge: X12Amount(cents: inquiries.map(\.charge.cents).reduce(0, +)),
            claims: inquiries.map { inquiry in
                "\(inquiry.claimNumber) trace \(inquiry.trace) charge \(inquiry.charge) dates \(inquiry.serviceDates.brief)"
                    + (inquiry.payerClaimNumber.map { " payer # \($0)" } ?? "")
            })
    }
}

extension ClaimStatusResponse {
    /// A 277 claim status response (005010X212) as inspect shows it: per claim the trace, our claim number, the
    /// payer's, and each STC as `category:code[:entity]` with what the category means; counts by category family.
    /// No names, member ids or birth dates.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// BHT03.
        public var reference: String?
        /// NM103 and NM109 of loop 2100A (the payer answering).
        public var payer: String
        /// Claims answered.
        public var claims: Int
        /// Claims by the family of their first status category: `pending` (P*), `finalized` (F*), `request for
        /// information` (R*), `acknowledged` (A*), `error` (E*), `data search unsuccessful` (D*), other.
        public var byFamily: [String: Int]
        /// One entry per claim.
        public var answers: [Answer]

        /// One claim.
        public struct Answer: Sendable, Hashable, Codable {
            /// The TRN segment's number.
            public var segment: Int
            /// TRN02: our 276's trace.
            public var trace: String
            /// REF*EJ: our claim number, when returned.
            public var claimNumber: String?
            /// REF*1K: the payer's claim control number, when returned.
            public var payerClaimNumber: String?
            /// `F1:65` (or `A4:35:PR`) for each STC of the claim, in order.
            public var statuses: [String]
            /// The family of the first status category.
            public var family: String
            /// STC04 of the first status, when sent.
            public var charge: X12Amount?
        }
    }

    /// The family of a claim status category code (X212's category code list, by its first letter).
    public static func family(of category: String?) -> String {
        switch category?.first {
        case "P": "pending"
        case "F": "finalized"
        case "R": "request for information"
        case "A": "acknowledged"
        case "E": "error"
        case "D": "data search unsuccessful"
        default: "other"
        }
    }

    /// The summary.
    public var summary: Summary {
        let answers = claims.map { claim in
            Summary.Answer(
                segment: claim.segmentNumber, trace: claim.trace, claimNumber: claim.claimNumber, payerClaimNumber: claim.payerClaimNumber,
                statuses: claim.statuses.map { ([$0.category, $0.code] + ($0.entity.map { [$0] } ?? [])).joined(separator: ":") },
                family: Self.family(of: claim.category), charge: claim.statuses.first?.amount)
        }
        var families: [String: Int] = [:]
        for answer in answers { families[answer.family, default: 0] += 1 }
        return Summary(
            controlNumber: controlNumber, reference: reference, payer: "\(payer.name) (\(payer.id))", claims: claims.count,
            byFamily: families, answers: answers)
    }
}
