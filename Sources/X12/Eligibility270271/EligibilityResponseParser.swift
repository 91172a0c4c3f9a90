extension Segment {
    /// The values of a repeated element, split on the repetition separator (ISA11); empty when absent.
    func repetitions(_ position: Int) -> [String] {
        let field = bytes(position)
        guard !field.isEmpty else { return [] }
        return field.split(separator: separators.repetition, omittingEmptySubsequences: true).map { text($0) }
    }

    /// AAA as a rejection.
    func rejection(warnings: inout [X12Warning]) throws(X12Error) -> RequestRejection {
        let validity = try required(1, "AAA01 (valid request indicator)")
        checkCode(1, in: ["Y", "N"], "AAA01 (valid request indicator)", warnings: &warnings)
        let reason = try required(3, "AAA03 (reject reason)")
        checkCode(4, in: ["C", "N", "P", "R", "S", "W", "X", "Y"], "AAA04 (follow-up action)", warnings: &warnings)
        return RequestRejection(valid: validity == "Y", reason: reason, followUp: element(4))
    }

    /// NM1 as a subscriber or dependent (names and ids are PHI, never echoed).
    func member() throws(X12Error) -> Member {
        let party = try party(nameRequired: false)
        return Member(name: party.name.value, memberID: party.id?.value)
    }

    /// TRN.
    func trace() throws(X12Error) -> TraceNumber {
        TraceNumber(type: try required(1, "TRN01 (trace type)"), number: try required(2, "TRN02 (trace number)"),
                    originator: element(3), secondary: element(4))
    }

    /// REF.
    func qualifiedReference() throws(X12Error) -> QualifiedReference {
        QualifiedReference(qualifier: try required(1, "REF01 (reference qualifier)"), value: try required(2, "REF02 (reference)"),
                           description: element(3))
    }

    /// DTP with D8 or RD8.
    func qualifiedDate() throws(X12Error) -> QualifiedDate {
        let qualifier = try required(1, "DTP01 (date qualifier)")
        guard let period = try period(qualifierAt: 2) else {
            throw X12Error(.structure, at: location(2), "DTP02 (date format) is missing")
        }
        return QualifiedDate(qualifier, period)
    }

    /// DMG02 (a birth date: PHI, never echoed) and DMG03 into `member`.
    func demographics(into member: inout Member) throws(X12Error) {
        if let date = try date(2, phi: true) { member.birthDate = PHI(date) }
        member.gender = element(3)
    }
}

/// The HL levels of 270 and 271 (005010X279A1): 20 information source, 21 receiver, 22 subscriber, 23 dependent.
enum EligibilityLevel {
    case none, source, receiver, subscriber, dependent

    /// The parent level code HL03 `code` requires; `"unknown"` for a code that is not a level of these sets.
    static func parent(of code: String) -> String?? {
        switch code {
        case "20": .some(nil)
        case "21": "20"
        case "22": "21"
        case "23": "22"
        default: nil
        }
    }

    /// The NM1 rule of the loop 2100 at this level.
    var nameRule: NameRule? {
        switch self {
        case .source: NameRule("2100A information source", ["2B", "36", "GP", "P5", "PR"], types: ["2"],
                               qualifiers: ["24", "46", "FI", "NI", "PI", "XV", "XX"])
        case .receiver: NameRule("2100B information receiver", ["1P", "2B", "36", "80", "FA", "GP", "P5", "PR"], types: ["1", "2"],
                                 qualifiers: ["24", "34", "46", "FI", "PI", "PP", "SV", "XV", "XX"])
        case .subscriber: NameRule("2100C subscriber (NM1*IL)", ["IL"], types: ["1"], qualifiers: ["MI", "II"])
        case .dependent: NameRule("2100D dependent (NM1*03)", ["03"], types: ["1"], qualifiers: nil)
        case .none: nil
        }
    }
}

/// Reads one 271 transaction set, following the HL hierarchy down to each subscriber and dependent and their benefits.
struct EligibilityResponseParser {
    let segments: [Segment]
    var warnings: [X12Warning] = []

    /// EB01 values of 005010X279A1.
    static let benefitCodes: Set<String> = [
        "1", "2", "3", "4", "5", "6", "7", "8", "A", "B", "C", "CB", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "MC", "N",
        "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y",
    ]

    mutating func parse() throws(X12Error) -> EligibilityResponse {
        guard let st = segments.first else { throw X12Error(.structure, at: X12Location(), "an empty transaction set") }
        let control = st.element(2) ?? ""
        var response = EligibilityResponse(controlNumber: control, source: InformationSource(name: "", id: ""), receivers: [],
                                           segmentNumber: st.number)
        var sawSource = false
        var level = EligibilityLevel.none
        var levels: [String: String] = [:]
        var subscriber: MemberEligibility?
        var dependent: MemberEligibility?
        var inRelated = false
        var subscriberHL: String?
        let blankMember = Member(name: PersonName(last: ""))

        /// The member the segment belongs to (the dependent while one is open).
        func withMember(_ update: (inout MemberEligibility) -> Void) {
            if dependent != nil { update(&dependent!) } else if subscriber != nil { update(&subscriber!) }
        }
        func closeDependent() {
            if let open = dependent { subscriber?.dependents.append(open) }
            dependent = nil
        }
        func closeSubscriber() throws(X12Error) {
            closeDependent()
            guard let open = subscriber else { return }
            guard let r = response.receivers.indices.last else {
                throw X12Error(.structure, at: X12Location(segmentNumber: open.segmentNumber, segmentID: "HL"),
                               "the subscriber level (HL 22) does not follow an information receiver (HL 21)")
            }
            response.receivers[r].subscribers.append(open)
            subscriber = nil
        }
        var hasBenefit: Bool {
            if let dependent { return !dependent.benefits.isEmpty }
            return subscriber?.benefits.isEmpty == false
        }
        func withBenefit(_ update: (inout Benefit) -> Void) {
            withMember { member in
                guard !member.benefits.isEmpty else { return }
                update(&member.benefits[member.benefits.count - 1])
            }
        }

        for segment in segments.dropFirst().dropLast() {
            if inRelated, !segment.is("NM1"), !segment.is("LE"), !segment.is("N3"), !segment.is("N4"), !segment.is("PER"), !segment.is("PRV") {
                warnings.append(X12Warning(at: segment.location(), "loop 2120 (LS*2120) is not closed by LE*2120 before \(segment.id)"))
                inRelated = false
            }
            switch segment.id {
            case "BHT":
                response.reference = segment.element(3)
                response.date = try segment.date(4)
                response.time = segment.element(5)
                segment.checkCode(2, in: ["06", "11"], "BHT02 (purpose) of a 271", warnings: &warnings)
            case "HL":
                try closeSubscriber()
                let id = try segment.required(1, "HL01 (hierarchical id)")
                let code = try segment.required(3, "HL03 (level code)")
                guard let expected = EligibilityLevel.parent(of: code) else {
                    throw X12Error(.value, at: segment.location(3), "\(quoted(segment.bytes(3))) is not a 271 level (20, 21, 22, 23)")
                }
                let parentLevel = segment.element(2).flatMap { levels[$0] }
                guard parentLevel == expected else {
                    throw X12Error(.structure, at: segment.location(2), "an HL \(code) must have an HL \(expected ?? "none") parent")
                }
                levels[id] = code
                switch code {
                case "20":
                    guard !sawSource else { throw X12Error(.structure, at: segment.location(), "a second information source (HL 20)") }
                    sawSource = true
                    level = .source
                case "21":
                    response.receivers.append(.init(receiver: InformationReceiver(name: PersonName(last: ""), id: "")))
                    subscriberHL = nil
                    level = .receiver
                case "22":
                    subscriber = MemberEligibility(level: .subscriber, member: blankMember, segmentNumber: segment.number)
                    subscriberHL = id
                    level = .subscriber
                default:
                    // closeSubscriber above closed the parent: an HL 23 reopens its subscriber, which must be the last one.
                    guard segment.element(2) == subscriberHL else {
                        throw X12Error(.structure, at: segment.location(2), "an HL 23 must follow its own subscriber (HL 22); its parent is an earlier one")
                    }
                    guard let r = response.receivers.indices.last, let parent = response.receivers[r].subscribers.popLast() else {
                        throw X12Error(.structure, at: segment.location(2), "an HL 23 must follow its subscriber (HL 22)")
                    }
                    subscriber = parent
                    dependent = MemberEligibility(level: .dependent, member: blankMember, segmentNumber: segment.number)
                    level = .dependent
                }
            case "NM1":
                if inRelated {
                    let party = try segment.party(nameRequired: false)
                    withBenefit {
                        $0.relatedEntities.append(RelatedEntity(entity: party.entity, entityType: party.entityType, name: party.name.value,
                                                                idQualifier: party.idQualifier, id: party.id?.value))
                    }
                    break
                }
                if let rule = level.nameRule { segment.checkName([rule], place: "loop \(rule.loop.prefix(5))", warnings: &warnings) }
                switch level {
                case .source:
                    let party = try segment.party()
                    response.source = InformationSource(entity: party.entity, name: party.name.value.last,
                                                        idQualifier: party.idQualifier ?? "", id: party.id?.value ?? "")
                case .receiver:
                    let party = try segment.party(nameRequired: false)
                    response.receivers[response.receivers.count - 1].receiver = InformationReceiver(
                        entity: party.entity, entityType: party.entityType, name: party.name.value, idQualifier: party.idQualifier ?? "",
                        id: party.id?.value ?? "")
                case .subscriber, .dependent:
                    let member = try segment.member()
                    withMember { $0.member = member }
                case .none:
                    throw X12Error(.structure, at: segment.location(), "NM1 before the first HL")
                }
            case "TRN":
                guard level == .subscriber || level == .dependent else {
                    warnings.append(X12Warning(at: segment.location(), "TRN belongs to a subscriber (HL 22) or dependent (HL 23); ignored"))
                    break
                }
                let trace = try segment.trace()
                withMember { $0.traces.append(trace) }
            case "AAA":
                let rejection = try segment.rejection(warnings: &warnings)
                switch level {
                case .source: response.sourceRejections.append(rejection)
                case .receiver: response.receivers[response.receivers.count - 1].rejections.append(rejection)
                case .subscriber, .dependent:
                    if hasBenefit { withBenefit { $0.rejections.append(rejection) } } else { withMember { $0.rejections.append(rejection) } }
                case .none: throw X12Error(.structure, at: segment.location(), "AAA before the first HL")
                }
            case "REF":
                guard level == .subscriber || level == .dependent else { break }
                let reference = try segment.qualifiedReference()
                if hasBenefit { withBenefit { $0.references.append(reference) } } else { withMember { $0.references.append(reference) } }
            case "DTP":
                guard level == .subscriber || level == .dependent else {
                    warnings.append(X12Warning(at: segment.location(), "DTP belongs to a subscriber or dependent; ignored"))
                    break
                }
                let date = try segment.qualifiedDate()
                if hasBenefit { withBenefit { $0.dates.append(date) } } else { withMember { $0.dates.append(date) } }
            case "DMG":
                guard level == .subscriber || level == .dependent else { break }
                var member = dependent?.member ?? subscriber?.member ?? blankMember
                try segment.demographics(into: &member)
                withMember { $0.member = member }
            case "INS":
                withMember { $0.relationship = segment.element(2) }
            case "EB":
                guard level == .subscriber || level == .dependent else {
                    throw X12Error(.structure, at: segment.location(), "EB outside a subscriber (HL 22) or dependent (HL 23)")
                }
                let benefit = try readEB(segment)
                withMember { $0.benefits.append(benefit) }
            case "HSD":
                guard hasBenefit else { throw X12Error(.structure, at: segment.location(), "HSD before any EB") }
                let delivery = Delivery(quantityQualifier: segment.element(1), quantity: try segment.quantity(2), unit: segment.element(3),
                                        sampleSize: try segment.quantity(4), timePeriod: segment.element(5), periods: try segment.quantity(6))
                withBenefit { $0.deliveries.append(delivery) }
            case "MSG":
                guard hasBenefit else { throw X12Error(.structure, at: segment.location(), "MSG before any EB") }
                let message = try segment.required(1, "MSG01 (message)")
                withBenefit { $0.messages.append(message) }
            case "LS":
                guard hasBenefit else { throw X12Error(.structure, at: segment.location(), "LS before any EB") }
                inRelated = true
            case "LE":
                guard inRelated else { throw X12Error(.structure, at: segment.location(), "LE without LS") }
                inRelated = false
            case "PER", "PRV", "N3", "N4", "III", "HI", "MPI":
                break
            default:
                warnings.append(X12Warning(at: segment.location(), "\(segment.id) is not a 271 segment; ignored"))
            }
        }
        if inRelated, let se = segments.last {
            warnings.append(X12Warning(at: se.location(), "loop 2120 (LS*2120) is not closed by LE*2120"))
        }
        try closeSubscriber()
        guard sawSource else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no information source (HL 20)") }
        return response
    }

    private mutating func readEB(_ segment: Segment) throws(X12Error) -> Benefit {
        let code = try segment.required(1, "EB01 (eligibility or benefit information)")
        if !Self.benefitCodes.contains(code) {
            warnings.append(X12Warning(at: segment.location(1), "EB01 \(Segment.shownCode(segment.bytes(1), maxLength: 3)) is not an eligibility or benefit code of 005010X279A1"))
        }
        segment.checkCode(11, in: ["N", "U", "Y"], "EB11 (authorization required)", warnings: &warnings)
        segment.checkCode(12, in: ["N", "U", "W", "Y"], "EB12 (in plan network)", warnings: &warnings)
        let percentField = segment.bytes(8)
        var percent: X12Rate?
        if !percentField.isEmpty {
            guard let rate = X12Rate(bytes: percentField) else {
                throw X12Error(.value, at: segment.location(8), "\(quoted(percentField)) is not a percent")
            }
            percent = rate
        }
        var procedure: ProcedureCode?
        if !segment.bytes(13).isEmpty {
            guard let code = ProcedureCode(components: segment.components(13, warnings: &warnings)) else {
                throw X12Error(.value, at: segment.location(13), "\(quoted(segment.bytes(13))) is not a procedure composite")
            }
            procedure = code
        }
        if segment.element(9) != nil, segment.bytes(10).isEmpty {
            warnings.append(X12Warning(at: segment.location(10), "EB09 gives a quantity qualifier but EB10 (quantity) is missing"))
        }
        return Benefit(code: code, coverageLevel: segment.element(2), serviceTypes: segment.repetitions(3), insuranceType: segment.element(4),
                       planDescription: segment.element(5), timePeriod: segment.element(6), amount: try segment.amount(7), percent: percent,
                       quantityQualifier: segment.element(9), quantity: try segment.quantity(10),
                       authorizationRequired: segment.element(11), inNetwork: segment.element(12), procedure: procedure,
                       segmentNumber: segment.number)
    }
}
