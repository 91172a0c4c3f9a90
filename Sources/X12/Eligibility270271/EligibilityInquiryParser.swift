/// One 270 transaction set as read: the source, and per receiver the inquiries.
public struct EligibilityInquirySet: Sendable, Hashable, Codable {
    /// ST02.
    public var controlNumber: String
    /// BHT03.
    public var reference: String?
    /// BHT04.
    public var date: X12Date?
    /// Loop 2100A.
    public var source: InformationSource
    /// Loops 2000B with their inquiries.
    public var receivers: [Receiver]
    /// The ST segment's number in the file.
    public var segmentNumber: Int

    /// Loop 2000B.
    public struct Receiver: Sendable, Hashable, Codable {
        /// Loop 2100B.
        public var receiver: InformationReceiver
        /// Loops 2000C (with 2000D).
        public var inquiries: [EligibilityInquiry]
    }

    /// Every inquiry, in file order.
    public var inquiries: [EligibilityInquiry] { receivers.flatMap(\.inquiries) }
}

/// Reads one 270 transaction set.
struct EligibilityInquiryParser {
    let segments: [Segment]
    var warnings: [X12Warning] = []

    private struct Draft {
        var hl: Segment
        var inquiry: EligibilityInquiry
        var hasTrace = false
        var hasDependent = false
    }

    mutating func parse() throws(X12Error) -> EligibilityInquirySet {
        guard let st = segments.first else { throw X12Error(.structure, at: X12Location(), "an empty transaction set") }
        let control = st.element(2) ?? ""
        var set = EligibilityInquirySet(controlNumber: control, source: InformationSource(name: "", id: ""), receivers: [],
                                        segmentNumber: st.number)
        var sawSource = false
        var level = EligibilityLevel.none
        var levels: [String: String] = [:]
        var draft: Draft?
        let blank = Member(name: PersonName(last: ""))

        func close() throws(X12Error) {
            guard let open = draft else { return }
            guard open.hasTrace else {
                throw X12Error(.structure, at: open.hl.location(), "the patient's level has no TRN (trace number)")
            }
            guard open.inquiry.subscriber.memberID != nil else {
                throw X12Error(.structure, at: open.hl.location(), "the subscriber (NM1*IL) has no member id (NM108 MI, NM109)")
            }
            guard !open.inquiry.serviceTypes.isEmpty else {
                throw X12Error(.structure, at: open.hl.location(), "the inquiry has no EQ (service type)")
            }
            set.receivers[set.receivers.count - 1].inquiries.append(open.inquiry)
            draft = nil
        }

        for segment in segments.dropFirst().dropLast() {
            switch segment.id {
            case "BHT":
                set.reference = segment.element(3)
                set.date = try segment.date(4)
                segment.checkCode(2, in: ["13"], "BHT02 (purpose) of a 270", warnings: &warnings)
            case "HL":
                let id = try segment.required(1, "HL01 (hierarchical id)")
                let code = try segment.required(3, "HL03 (level code)")
                guard let expected = EligibilityLevel.parent(of: code) else {
                    throw X12Error(.value, at: segment.location(3), "\(quoted(segment.bytes(3))) is not a 270 level (20, 21, 22, 23)")
                }
                let parentLevel = segment.element(2).flatMap { levels[$0] }
                guard parentLevel == expected else {
                    throw X12Error(.structure, at: segment.location(2), "an HL \(code) must have an HL \(expected ?? "none") parent")
                }
                levels[id] = code
                switch code {
                case "20":
                    try close()
                    guard !sawSource else { throw X12Error(.structure, at: segment.location(), "a second information source (HL 20)") }
                    sawSource = true
                    level = .source
                case "21":
                    try close()
                    set.receivers.append(.init(receiver: InformationReceiver(name: PersonName(last: ""), id: ""), inquiries: []))
                    level = .receiver
                case "22":
                    try close()
                    draft = Draft(hl: segment, inquiry: EligibilityInquiry(trace: "", traceOriginator: "", subscriber: blank, serviceTypes: []))
                    level = .subscriber
                default:
                    guard var open = draft, !open.hasDependent, segment.element(2) == open.hl.element(1) else {
                        throw X12Error(.structure, at: segment.location(), "an HL 23 must follow its subscriber (HL 22); one dependent per subscriber is read")
                    }
                    open.hasDependent = true
                    open.inquiry.dependent = blank
                    // The trace and the questions belong to the patient: the dependent's level replaces the subscriber's.
                    open.hasTrace = false
                    open.inquiry.serviceTypes = []
                    open.inquiry.serviceDate = nil
                    draft = open
                    level = .dependent
                }
            case "NM1":
                if let rule = level.nameRule { segment.checkName([rule], place: "loop \(rule.loop.prefix(5))", warnings: &warnings) }
                switch level {
                case .source:
                    let party = try segment.party()
                    set.source = InformationSource(entity: party.entity, name: party.name.value.last, idQualifier: party.idQualifier ?? "",
                                                   id: party.id?.value ?? "")
                case .receiver:
                    let party = try segment.party(nameRequired: false)
                    set.receivers[set.receivers.count - 1].receiver = InformationReceiver(
                        entity: party.entity, entityType: party.entityType, name: party.name.value, idQualifier: party.idQualifier ?? "",
                        id: party.id?.value ?? "")
                case .subscriber:
                    draft?.inquiry.subscriber = try segment.member()
                case .dependent:
                    draft?.inquiry.dependent = try segment.member()
                case .none:
                    throw X12Error(.structure, at: segment.location(), "NM1 before the first HL")
                }
            case "TRN":
                guard level == .subscriber || level == .dependent else {
                    warnings.append(X12Warning(at: segment.location(), "TRN belongs to a subscriber or dependent; ignored"))
                    break
                }
                let trace = try segment.trace()
                if draft?.hasTrace == true { break }  // a second TRN is a clearinghouse's; ours is the first
                draft?.inquiry.trace = trace.number
                draft?.inquiry.traceOriginator = trace.originator ?? ""
                draft?.hasTrace = true
            case "DMG":
                if level == .dependent, var member = draft?.inquiry.dependent {
                    try segment.demographics(into: &member)
                    draft?.inquiry.dependent = member
                } else if level == .subscriber, var member = draft?.inquiry.subscriber {
                    try segment.demographics(into: &member)
                    draft?.inquiry.subscriber = member
                }
            case "DTP":
                let date = try segment.qualifiedDate()
                if date.qualifier == "291" { draft?.inquiry.serviceDate = date.period } else {
                    segment.checkCode(1, in: ["291"], "DTP01 (date qualifier) of a 270", warnings: &warnings)
                }
            case "EQ":
                guard draft != nil else { throw X12Error(.structure, at: segment.location(), "EQ outside a subscriber or dependent") }
                let codes = segment.repetitions(1)
                if codes.isEmpty, segment.bytes(2).isEmpty {
                    throw X12Error(.structure, at: segment.location(1), "EQ01 (service type) or EQ02 (procedure) is required")
                }
                draft?.inquiry.serviceTypes += codes
            case "REF", "N3", "N4", "PRV", "INS", "HI", "AMT", "III":
                break
            default:
                warnings.append(X12Warning(at: segment.location(), "\(segment.id) is not a 270 segment; ignored"))
            }
        }
        try close()
        guard sawSource else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no information source (HL 20)") }
        return set
    }
}

extension X12File {
    /// Every 270 transaction set, in file order, with warnings.
    public func eligibilityInquiries() throws(X12Error) -> (sets: [EligibilityInquirySet], warnings: [X12Warning]) {
        var result: [EligibilityInquirySet] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "270" {
            try checkImplementation(set, expected: EligibilityInquiryBatch.implementation, warnings: &warnings)
            var parser = EligibilityInquiryParser(segments: segments(of: set))
            result.append(try parser.parse())
            warnings += parser.warnings
        }
        return (result, warnings)
    }

    /// Every 271 transaction set, in file order, with warnings.
    public func eligibilityResponses() throws(X12Error) -> (responses: [EligibilityResponse], warnings: [X12Warning]) {
        var result: [EligibilityResponse] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "271" {
            try checkImplementation(set, expected: EligibilityResponse.implementation, warnings: &warnings)
            var parser = EligibilityResponseParser(segments: segments(of: set))
            result.append(try parser.parse())
            warnings += parser.warnings
        }
        return (result, warnings)
    }
}
