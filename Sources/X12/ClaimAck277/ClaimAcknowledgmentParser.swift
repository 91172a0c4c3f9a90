/// Reads one 277CA transaction set, following the HL hierarchy down to the claims.
struct ClaimAcknowledgmentParser {
    let segments: [Segment]
    var warnings: [X12Warning] = []

    private struct ClaimDraft {
        var hl: Segment
        var patient: Party?
        var claimNumber: String?
        var status = ClaimStatus(patient: Party(entity: "QC", name: PersonName(last: "")), claimNumber: "", statuses: [])

        /// Applies `update` to the last line; false when there is none yet.
        mutating func lastLine(_ update: (inout ClaimStatus.LineStatus) -> Void) -> Bool {
            guard !status.lines.isEmpty else { return false }
            update(&status.lines[status.lines.count - 1])
            return true
        }
    }

    private enum Level {
        case none, source, receiver, provider, claim

        /// The HL03 level code.
        var code: String? {
            switch self {
            case .none: nil
            case .source: "20"
            case .receiver: "21"
            case .provider: "19"
            case .claim: "PT"
            }
        }
    }

    /// A QTY or AMT total of a receiver (provider nil) or a billing provider, kept to compare with the claims.
    private struct Total {
        var receiver: Int
        var provider: Int?
        var segment: Segment
        var accepted: Bool
    }

    mutating func parse() throws(X12Error) -> ClaimAcknowledgment {
        guard let st = segments.first else { throw X12Error(.structure, at: X12Location(), "an empty transaction set") }
        let control = st.element(2) ?? ""
        var reference: String?
        var date: X12Date?
        var time: String?
        var source: ClaimAcknowledgment.Entity?
        var receivers: [ClaimAcknowledgment.Receiver] = []
        var draft: ClaimDraft?
        var level = Level.none
        var levels: [String: String] = [:]
        var totals: [Total] = []
        let blank = ClaimAcknowledgment.Entity(entity: "", name: PersonName(last: ""))

        func closeClaim() throws(X12Error) {
            guard let open = draft else { return }
            guard let patient = open.patient else {
                throw X12Error(.structure, at: open.hl.location(), "the claim level (HL PT) has no NM1*QC patient")
            }
            guard let number = open.claimNumber else {
                throw X12Error(.structure, at: open.hl.location(), "the claim level (HL PT) has no TRN*2 claim number")
            }
            var status = open.status
            status.patient = patient
            status.claimNumber = number
            status.segmentNumber = open.hl.number
            guard let r = receivers.indices.last, let p = receivers[r].providers.indices.last else {
                throw X12Error(.structure, at: open.hl.location(), "the claim level (HL PT) does not follow its billing provider (HL 19)")
            }
            receivers[r].providers[p].claims.append(status)
            draft = nil
        }

        func withEntity(_ update: (inout ClaimAcknowledgment.Entity) -> Void) {
            switch level {
            case .source: if source != nil { update(&source!) }
            case .receiver: update(&receivers[receivers.count - 1].entity)
            case .provider:
                let r = receivers.count - 1
                update(&receivers[r].providers[receivers[r].providers.count - 1].entity)
            case .claim, .none: break
            }
        }

        for segment in segments.dropFirst().dropLast() {
            switch segment.id {
            case "BHT":
                reference = try segment.required(3, "BHT03 (reference)")
                date = try segment.date(4)
                time = segment.element(5)
            case "HL":
                try closeClaim()
                let id = try segment.required(1, "HL01 (hierarchical id)")
                let code = try segment.required(3, "HL03 (level code)")
                let parentLevel = segment.element(2).flatMap { levels[$0] }
                let expected: String? = ["20": nil, "21": "20", "19": "21", "PT": "19"][code] ?? "unknown"
                guard expected != "unknown" else {
                    throw X12Error(.value, at: segment.location(3), "\(quoted(segment.bytes(3))) is not a 277CA level (20, 21, 19, PT)")
                }
                guard parentLevel == expected else {
                    throw X12Error(.structure, at: segment.location(2),
                                   "an HL \(code) must have an HL \(expected ?? "none") parent")
                }
                levels[id] = code
                switch code {
                case "20":
                    guard source == nil else { throw X12Error(.structure, at: segment.location(), "a second information source (HL 20)") }
                    source = blank
                    level = .source
                case "21":
                    receivers.append(.init(entity: blank))
                    level = .receiver
                case "19":
                    receivers[receivers.count - 1].providers.append(.init(entity: blank))
                    level = .provider
                default:
                    draft = ClaimDraft(hl: segment)
                    level = .claim
                }
            case "NM1":
                if let code = level.code, let rule = NameRule.claimAcknowledgment[code] {
                    segment.checkName([rule], place: "loop \(rule.loop.prefix(5))", warnings: &warnings)
                }
                if level == .claim {
                    draft?.patient = try segment.party()
                } else {
                    let party = try segment.party()
                    withEntity {
                        $0.entity = party.entity
                        $0.entityType = party.entityType
                        $0.name = party.name.value
                        $0.idQualifier = party.idQualifier
                        $0.id = party.id?.value
                    }
                }
            case "TRN":
                let trace = try segment.required(2, "TRN02 (trace number)")
                if level == .claim { draft?.claimNumber = trace } else { withEntity { $0.trace = trace } }
            case "STC":
                let status = try readSTC(segment)
                if level == .claim {
                    if draft?.lastLine({ $0.statuses.append(status) }) != true {
                        draft?.status.statuses.append(status)
                    }
                } else {
                    withEntity { $0.statuses.append(status) }
                }
            case "QTY":
                let count = try segment.quantity(2).map { Int($0.thousandths / X12Quantity.scale) }
                guard let accepted = quantityKind(segment, level: level) else { break }
                withEntity { if accepted { $0.acceptedCount = count } else { $0.rejectedCount = count } }
                totals.append(Total(receiver: receivers.count - 1, provider: level == .provider ? receivers.last!.providers.count - 1 : nil,
                                    segment: segment, accepted: accepted))
            case "AMT":
                let amount = try segment.amount(2)
                guard level == .receiver || level == .provider else {
                    warnings.append(X12Warning(
                        at: segment.location(), "AMT belongs to the receiver (HL 21) or billing provider (HL 19) level; ignored"))
                    break
                }
                switch segment.element(1) {
                case "YU": withEntity { $0.acceptedAmount = amount }
                case "YY": withEntity { $0.rejectedAmount = amount }
                default:
                    segment.checkCode(1, in: ["YU", "YY"], "AMT01 (amount qualifier)", warnings: &warnings)
                    continue
                }
                totals.append(Total(receiver: receivers.count - 1, provider: level == .provider ? receivers.last!.providers.count - 1 : nil,
                                    segment: segment, accepted: segment.element(1) == "YU"))
            case "DTP":
                let qualifier = try segment.required(1, "DTP01 (date qualifier)")
                guard let period = try segment.period(qualifierAt: 2) else {
                    throw X12Error(.structure, at: segment.location(2), "DTP02 (date format) is missing")
                }
                if level == .claim, qualifier == "472" {
                    if draft?.lastLine({ $0.serviceDate = period }) != true {
                        draft?.status.serviceDate = period
                    }
                } else {
                    withEntity { $0.dates.append(QualifiedDate(qualifier, period)) }
                }
            case "REF":
                guard level == .claim else { break }
                let value = try segment.required(2, "REF02 (reference)")
                switch segment.element(1) {
                case "1K": draft?.status.payerClaimNumber = value
                case "D9": draft?.status.clearinghouseTrace = value
                case "BLT": draft?.status.billType = value
                case "FJ":
                    _ = draft?.lastLine { $0.lineControlNumber = value }
                default: break
                }
            case "SVC":
                guard level == .claim else { throw X12Error(.structure, at: segment.location(), "SVC outside a claim level (HL PT)") }
                guard let procedure = ProcedureCode(components: segment.components(1, warnings: &warnings)) else {
                    throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a procedure composite")
                }
                draft?.status.lines.append(.init(procedure: procedure, charge: try segment.requiredAmount(2, "SVC02 (line charge)"),
                                                 revenueCode: segment.element(4), units: try segment.quantity(7)))
            default:
                warnings.append(X12Warning(at: segment.location(), "\(segment.id) is not a 277CA segment; ignored"))
            }
        }
        try closeClaim()
        guard let reference else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no BHT") }
        guard let source else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no information source (HL 20)") }
        let acknowledgment = ClaimAcknowledgment(controlNumber: control, reference: reference, date: date, time: time, source: source,
                                                 receivers: receivers, segmentNumber: st.number)
        for total in totals { compare(total, acknowledgment) }
        return acknowledgment
    }

    /// Whether a QTY counts accepted (true) or rejected (false) claims: QTY*90/AA at the receiver (loop 2200B),
    /// QTY*QA/QC at the billing provider (2200C). 90/AA at the provider level is read, with a warning; nil (and a
    /// warning) for any other qualifier or level.
    private mutating func quantityKind(_ segment: Segment, level: Level) -> Bool? {
        let qualifier = segment.element(1) ?? ""
        switch (level, qualifier) {
        case (.receiver, "90"), (.provider, "QA"): return true
        case (.receiver, "AA"), (.provider, "QC"): return false
        case (.provider, "90"), (.provider, "AA"):
            let expected = qualifier == "90" ? "QA" : "QC"
            warnings.append(X12Warning(
                at: segment.location(1),
                "QTY01 \(qualifier) belongs to the receiver level; the billing provider level (loop 2200C) uses \(expected)"))
            return qualifier == "90"
        case (.receiver, _), (.provider, _):
            segment.checkCode(1, in: level == .receiver ? ["90", "AA"] : ["QA", "QC"], "QTY01 (quantity qualifier)", warnings: &warnings)
            return nil
        default:
            warnings.append(X12Warning(
                at: segment.location(), "QTY belongs to the receiver (HL 21) or billing provider (HL 19) level; ignored"))
            return nil
        }
    }

    /// A warning when a receiver's or provider's QTY or AMT total differs from what its claims show.
    private mutating func compare(_ total: Total, _ acknowledgment: ClaimAcknowledgment) {
        guard acknowledgment.receivers.indices.contains(total.receiver) else { return }
        let receiver = acknowledgment.receivers[total.receiver]
        let claims: [ClaimStatus]
        let whose: String
        if let provider = total.provider {
            guard receiver.providers.indices.contains(provider) else { return }
            claims = receiver.providers[provider].claims
            whose = "the claims of this billing provider (HL 19)"
        } else {
            claims = receiver.providers.flatMap(\.claims)
            whose = "the claims of this receiver (HL 21)"
        }
        let outcome: ClaimStatus.Outcome = total.accepted ? .accepted : .rejected
        let counted = claims.filter { $0.outcome == outcome }
        let qualifier = total.segment.element(1) ?? ""
        if total.segment.is("QTY") {
            guard let stated = try? total.segment.quantity(2), stated.thousandths % X12Quantity.scale == 0 else { return }
            let count = Int(stated.thousandths / X12Quantity.scale)
            if count != counted.count {
                warnings.append(X12Warning(
                    at: total.segment.location(2),
                    "QTY*\(qualifier) says \(count) claim(s) \(outcome.rawValue); \(whose) show \(counted.count) \(outcome.rawValue)"))
            }
        } else {
            guard let stated = try? total.segment.amount(2) else { return }
            guard let sum = counted.statedCharges else { return }
            if sum != stated {
                warnings.append(X12Warning(
                    at: total.segment.location(2),
                    "AMT*\(qualifier) says \(stated) \(outcome.rawValue); \(whose) show \(sum) \(outcome.rawValue) (Σ claim STC04)"))
            }
        }
    }

    private mutating func readSTC(_ segment: Segment) throws(X12Error) -> StatusInfo {
        let parts = segment.components(1, warnings: &warnings)
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a status (category:status[:entity])")
        }
        checkStatus(parts, segment, 1)
        var additional: [[String]] = []
        for position in [10, 11] where !segment.bytes(position).isEmpty {
            let composite = segment.components(position, warnings: &warnings)
            checkStatus(composite, segment, position)
            additional.append(composite)
        }
        return StatusInfo(category: parts[0], code: parts[1], entity: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil,
                          date: try segment.date(2), action: segment.element(3), amount: try segment.amount(4),
                          additional: additional)
    }

    /// The category (code source 507) and status code (508) of an STC composite at `position`. The 277CA allows
    /// only the acknowledgment categories (A…), and E1–E4 in real time (005010X214, STC01-1 note; X12 RFI 1942).
    private mutating func checkStatus(_ parts: [String], _ segment: Segment, _ position: Int) {
        if let category = parts.first, !category.isEmpty {
            let status = ExternalCodeList.claimStatusCategories.status(of: category)
            if status != .current {
                segment.checkCode(category, at: position, component: 1, in: .claimStatusCategories, warnings: &warnings)
            } else if !category.hasPrefix("A"), !["E1", "E2", "E3", "E4"].contains(category) {
                warnings.append(X12Warning(
                    at: segment.location(position, component: 1),
                    "category \(category) is not an acknowledgment category; a 277CA uses A0–A8 (E1–E4 in real time only)"))
            }
        }
        if parts.count > 1, !parts[1].isEmpty, !ExternalCodeList.isClaimStatusCodeForm(parts[1]) {
            let shown = Segment.shownCode(Array(parts[1].utf8), maxLength: 6)
            warnings.append(X12Warning(
                at: segment.location(position, component: 2), "\(shown) is not a claim status code (code source 508: one to four digits)"))
        }
    }
}
