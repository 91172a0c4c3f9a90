/// Reads one 276 or 277 transaction set (005010X212): HL 20 payer, 21 receiver, 19 provider, 22 subscriber, 23
/// dependent; a claim (loop 2200D/E) is the TRN and what follows it up to the next HL.
struct ClaimStatusParser {
    let segments: [Segment]
    /// `276` or `277`.
    let setID: String
    var warnings: [X12Warning] = []

    struct Claim {
        var hl: Segment
        var member: Member
        var trace: String?
        var traceSegment = 0
        var statuses: [StatusInfo] = []
        var payerClaimNumber: String?
        var claimNumber: String?
        var charge: X12Amount?
        var dates: DatePeriod?
        /// After an SVC (loop 2220D), STC and DTP are the line's, not the claim's.
        var inLine = false
    }

    struct Result {
        var control = ""
        var reference: String?
        var date: X12Date?
        var payer: InformationSource?
        var receiver: InformationSource?
        var provider: InformationReceiver?
        var claims: [Claim] = []
        var number = 0
    }

    mutating func parse() throws(X12Error) -> Result {
        guard let st = segments.first else { throw X12Error(.structure, at: X12Location(), "an empty transaction set") }
        var result = Result(control: st.element(2) ?? "", number: st.number)
        var level = ""
        var open: Claim?
        var levels: [String: String] = [:]
        let parents: [String: String?] = ["20": nil, "21": "20", "19": "21", "22": "19", "23": "22"]

        func close() throws(X12Error) {
            guard let claim = open else { return }
            // A subscriber with dependents below it (HL04 1) and no claim of its own is not a claim.
            if claim.trace == nil, claim.hl.element(4) == "1" {
                open = nil
                return
            }
            guard claim.trace != nil else { throw X12Error(.structure, at: claim.hl.location(), "the claim's level has no TRN (trace number)") }
            if setID == "277", claim.statuses.isEmpty {
                throw X12Error(.structure, at: claim.hl.location(), "the claim's level has no STC (claim status)")
            }
            result.claims.append(claim)
            open = nil
        }

        for segment in segments.dropFirst().dropLast() {
            switch segment.id {
            case "BHT":
                result.reference = segment.element(3)
                result.date = try segment.date(4)
            case "HL":
                let id = try segment.required(1, "HL01 (hierarchical id)")
                let code = try segment.required(3, "HL03 (level code)")
                guard let expected = parents[code] else {
                    throw X12Error(.value, at: segment.location(3), "\(quoted(segment.bytes(3))) is not a \(setID) level (20, 21, 19, 22, 23)")
                }
                guard segment.element(2).flatMap({ levels[$0] }) == expected else {
                    throw X12Error(.structure, at: segment.location(2), "an HL \(code) must have an HL \(expected ?? "none") parent")
                }
                levels[id] = code
                try close()
                level = code
                if code == "22" || code == "23" { open = Claim(hl: segment, member: Member(name: PersonName(last: ""))) }
            case "NM1":
                switch level {
                case "20":
                    let party = try segment.party()
                    result.payer = InformationSource(entity: party.entity, name: party.name.value.last, idQualifier: party.idQualifier ?? "", id: party.id?.value ?? "")
                case "21":
                    let party = try segment.party(nameRequired: false)
                    result.receiver = InformationSource(entity: party.entity, name: party.name.value.last, idQualifier: party.idQualifier ?? "", id: party.id?.value ?? "")
                case "19":
                    let party = try segment.party(nameRequired: false)
                    result.provider = InformationReceiver(
                        entity: party.entity, entityType: party.entityType, name: party.name.value, idQualifier: party.idQualifier ?? "", id: party.id?.value ?? "")
                case "22", "23":
                    var member = try segment.member()
                    member.birthDate = open?.member.birthDate
                    member.gender = open?.member.gender
                    open?.member = member
                default:
                    throw X12Error(.structure, at: segment.location(), "NM1 before the first HL")
                }
            case "DMG":
                if var member = open?.member {
                    try segment.demographics(into: &member)
                    open?.member = member
                }
            case "TRN":
                guard open != nil else {
                    warnings.append(X12Warning(at: segment.location(), "TRN belongs to a subscriber or dependent; ignored"))
                    break
                }
                let trace = try segment.trace()
                if open?.trace == nil {
                    open?.trace = trace.number
                    open?.traceSegment = segment.number
                }
            case "STC":
                guard open != nil else { throw X12Error(.structure, at: segment.location(), "STC outside a claim") }
                if open?.inLine == true { break }
                let parts = segment.components(1, warnings: &warnings)
                guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a status (category:status[:entity])")
                }
                open?.statuses.append(
                    StatusInfo(category: parts[0], code: parts[1], entity: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil, date: try segment.date(2),
                               action: segment.element(3), amount: try segment.amount(4)))
            case "REF":
                switch segment.element(1) {
                case "1K": open?.payerClaimNumber = segment.element(2)
                case "EJ": open?.claimNumber = segment.element(2)
                default: break
                }
            case "AMT":
                if segment.element(1) == "T3" { open?.charge = try segment.amount(2) }
            case "DTP":
                let date = try segment.qualifiedDate()
                if date.qualifier == "472", open?.inLine == false { open?.dates = date.period }
            case "SVC":
                open?.inLine = true
            case "QTY", "PER", "N3", "N4", "INS", "PRV":
                break
            default:
                warnings.append(X12Warning(at: segment.location(), "\(segment.id) is not a \(setID) segment; ignored"))
            }
        }
        try close()
        guard result.payer != nil else { throw X12Error(.structure, at: st.location(), "transaction set \(result.control) has no payer (HL 20, NM1*PR)") }
        return result
    }
}

extension X12File {
    /// Every 276 transaction set, in file order, with warnings.
    public func claimStatusInquiries() throws(X12Error) -> (sets: [ClaimStatusInquirySet], warnings: [X12Warning]) {
        var sets: [ClaimStatusInquirySet] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "276" {
            try checkImplementation(set, expected: ClaimStatusInquiryBatch.implementation, warnings: &warnings)
            var parser = ClaimStatusParser(segments: segments(of: set), setID: "276")
            let read = try parser.parse()
            warnings += parser.warnings
            var inquiries: [ClaimStatusInquiry] = []
            for claim in read.claims {
                guard let number = claim.claimNumber, let charge = claim.charge, let dates = claim.dates else {
                    throw X12Error(.structure, at: claim.hl.location(), "a 276 claim needs REF*EJ, AMT*T3 and DTP*472")
                }
                inquiries.append(
                    ClaimStatusInquiry(trace: claim.trace!, subscriber: claim.member, claimNumber: number, payerClaimNumber: claim.payerClaimNumber, charge: charge,
                                       serviceDates: dates))
            }
            sets.append(ClaimStatusInquirySet(controlNumber: read.control, reference: read.reference, payer: read.payer!, provider: read.provider, inquiries: inquiries,
                                              segmentNumber: read.number))
        }
        return (sets, warnings)
    }

    /// Every 277 claim status response (005010X212), in file order, with warnings. A 277CA (005010X214) is read by
    /// `claimAcknowledgments()`.
    public func claimStatusResponses() throws(X12Error) -> (responses: [ClaimStatusResponse], warnings: [X12Warning]) {
        var responses: [ClaimStatusResponse] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "277" && set.implementation != "005010X214" {
            try checkImplementation(set, expected: ClaimStatusInquiryBatch.implementation, warnings: &warnings)
            var parser = ClaimStatusParser(segments: segments(of: set), setID: "277")
            let read = try parser.parse()
            warnings += parser.warnings
            responses.append(
                ClaimStatusResponse(
                    controlNumber: read.control, reference: read.reference, date: read.date, payer: read.payer!,
                    receiver: read.receiver ?? InformationSource(entity: "41", name: "", idQualifier: "", id: ""),
                    provider: read.provider ?? InformationReceiver(name: PersonName(last: ""), id: ""),
                    claims: read.claims.map {
                        ClaimStatusAnswer(member: $0.member, trace: $0.trace!, statuses: $0.statuses, payerClaimNumber: $0.payerClaimNumber, claimNumber: $0.claimNumber,
                                          serviceDates: $0.dates, segmentNumber: $0.traceSegment)
                    }, segmentNumber: read.number))
        }
        return (responses, warnings)
    }
}
