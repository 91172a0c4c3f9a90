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

    private enum Level { case none, source, receiver, provider, claim }

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
                switch segment.element(1) {
                case "90": withEntity { $0.acceptedCount = count }
                case "AA": withEntity { $0.rejectedCount = count }
                default: break
                }
            case "AMT":
                let amount = try segment.amount(2)
                switch segment.element(1) {
                case "YU": withEntity { $0.acceptedAmount = amount }
                case "YY": withEntity { $0.rejectedAmount = amount }
                default: break
                }
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
        return ClaimAcknowledgment(controlNumber: control, reference: reference, date: date, time: time, source: source,
                                   receivers: receivers, segmentNumber: st.number)
    }

    private mutating func readSTC(_ segment: Segment) throws(X12Error) -> StatusInfo {
        let parts = segment.components(1, warnings: &warnings)
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a status (category:status[:entity])")
        }
        var additional: [[String]] = []
        for position in [10, 11] where !segment.bytes(position).isEmpty {
            additional.append(segment.components(position, warnings: &warnings))
        }
        return StatusInfo(category: parts[0], code: parts[1], entity: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil,
                          date: try segment.date(2), action: segment.element(3), amount: try segment.amount(4),
                          additional: additional)
    }
}
