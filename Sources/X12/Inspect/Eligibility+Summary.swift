extension EligibilityInquirySet {
    /// A 270 as inspect shows it: counts and service types, no names, member ids or birth dates.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// BHT03.
        public var reference: String?
        /// NM103 and NM109 of loop 2100A (the payer asked).
        public var payer: String
        /// NM109 of each loop 2100B (the provider's NPI).
        public var receivers: [String]
        /// Loops 2000C.
        public var inquiries: Int
        /// Of them, inquiries about a dependent (loop 2000D).
        public var dependents: Int
        /// How many inquiries ask about each service type (EQ01).
        public var serviceTypes: [String: Int]
    }

    /// The summary.
    public var summary: Summary {
        var types: [String: Int] = [:]
        for inquiry in inquiries { for code in Set(inquiry.serviceTypes) { types[code, default: 0] += 1 } }
        return Summary(controlNumber: controlNumber, reference: reference, payer: "\(source.name) (\(source.id))",
                       receivers: receivers.map(\.receiver.id), inquiries: inquiries.count,
                       dependents: inquiries.filter { $0.dependent != nil }.count, serviceTypes: types)
    }
}

extension EligibilityResponse {
    /// A 271 as inspect shows it: per subscriber and dependent the trace, coverage and benefits by service type; no
    /// names, member ids, birth dates or references.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// BHT03.
        public var reference: String?
        /// NM103 and NM109 of loop 2100A.
        public var payer: String
        /// AAA of the source and receivers (`N 42 R`).
        public var rejections: [String]
        /// Subscribers and dependents answered.
        public var members: Int
        /// Of them, by coverage.
        public var active: Int, inactive: Int, rejected: Int, unknown: Int
        /// EB segments by EB01.
        public var benefitsByCode: [String: Int]
        /// One entry per subscriber or dependent.
        public var answers: [Answer]

        /// One subscriber or dependent.
        public struct Answer: Sendable, Hashable, Codable {
            /// The HL segment's number.
            public var segment: Int
            /// Subscriber or dependent.
            public var level: MemberEligibility.Level
            /// TRN*2 TRN02: our 270's trace.
            public var trace: String?
            /// Active, inactive, rejected or unknown.
            public var coverage: CoverageStatus
            /// The plan name.
            public var plan: String?
            /// AAA of the member and its benefits (`N 72 C`).
            public var rejections: [String]
            /// DTP of the member (`346 2021-01-01`).
            public var dates: [String]
            /// Benefits by service type (EB03; `-` when EB03 is empty): `B IND 27 10.00 in-network Y`.
            public var benefits: [String: [String]]
        }
    }

    /// The summary.
    public var summary: Summary {
        let all = members
        var codes: [String: Int] = [:]
        for member in all { for benefit in member.benefits { codes[benefit.code, default: 0] += 1 } }
        let answers = all.map { member in
            var benefits: [String: [String]] = [:]
            for benefit in member.benefits {
                for type in benefit.serviceTypes.isEmpty ? ["-"] : benefit.serviceTypes {
                    benefits[type, default: []].append(benefit.brief)
                }
            }
            return Summary.Answer(
                segment: member.segmentNumber, level: member.level, trace: member.inquiryTrace, coverage: member.coverage,
                plan: member.planName,
                rejections: (member.rejections + member.benefits.flatMap(\.rejections)).map(\.brief),
                dates: member.dates.map { "\($0.qualifier) \($0.period.brief)" }, benefits: benefits)
        }
        return Summary(
            controlNumber: controlNumber, reference: reference, payer: "\(source.name) (\(source.id))",
            rejections: (sourceRejections + receivers.flatMap(\.rejections)).map(\.brief), members: all.count,
            active: answers.filter { $0.coverage == .active }.count, inactive: answers.filter { $0.coverage == .inactive }.count,
            rejected: answers.filter { $0.coverage == .rejected }.count, unknown: answers.filter { $0.coverage == .unknown }.count,
            benefitsByCode: codes, answers: answers)
    }
}

extension RequestRejection {
    /// `N 72 C`.
    var brief: String { [valid ? "Y" : "N", reason, followUp].compactMap { $0 }.joined(separator: " ") }
}

extension DatePeriod {
    /// `2021-01-01` or `2021-01-01…2021-12-31`.
    var brief: String { start == end ? start.description : "\(start)…\(end)" }
}

extension Benefit {
    /// `B IND HM period 27 10.00 network Y`, `A IND PR period 27 20% network N` — codes and figures only (EB05 and MSG are left out: free text).
    var brief: String {
        var parts = [code]
        if let level = coverageLevel { parts.append(level) }
        if let insurance = insuranceType { parts.append(insurance) }
        if let period = timePeriod { parts.append("period \(period)") }
        if let amount { parts.append(amount.description) }
        if let percent { parts.append(X12Decimal.format(percent.millionths, scale: 4) + "%") }
        if let qualifier = quantityQualifier { parts.append("\(quantity?.description ?? "-") \(qualifier)") }
        if let auth = authorizationRequired { parts.append("auth \(auth)") }
        if let network = inNetwork { parts.append("network \(network)") }
        return parts.joined(separator: " ")
    }
}
